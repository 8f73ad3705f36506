// The session and view settings, kept in the page URL (replaceState), so a view is a shareable link.
import { create } from 'zustand';
import { settingsFromUrl, settingsToUrl, type StudioSettings } from './urlSettings';

interface SettingsState {
  readonly settings: StudioSettings;
  /** The link's bad keys (`key: reason`), read at start or refused by the worker's first open; each keeps its default. */
  readonly urlErrors: readonly string[];
  update(patch: Partial<StudioSettings>): void;
  replace(settings: StudioSettings): void;
  /** A setting of the link the worker refused: named, and the settings with it back at its default. */
  refuseUrlSetting(error: string, settings: StudioSettings): void;
}

const initial = settingsFromUrl(typeof location === 'undefined' ? '' : location.search);

function writeUrl(s: StudioSettings): void {
  if (typeof history === 'undefined') return;
  const q = settingsToUrl(s);
  history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}`);
}

export const useSettings = create<SettingsState>()((set, get) => ({
  settings: initial.settings,
  urlErrors: initial.errors,
  update(patch) {
    const settings = { ...get().settings, ...patch };
    writeUrl(settings);
    set({ settings });
  },
  replace(settings) {
    writeUrl(settings);
    set({ settings });
  },
  refuseUrlSetting(error, settings) {
    writeUrl(settings);
    set({ settings, urlErrors: [...get().urlErrors, error] });
  },
}));
