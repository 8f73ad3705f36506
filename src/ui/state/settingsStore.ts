// The session and view settings, kept in the page URL (replaceState), so a view is a shareable link.
import { create } from 'zustand';
import { settingsFromUrl, settingsToUrl, type StudioSettings } from './urlSettings';

interface SettingsState {
  readonly settings: StudioSettings;
  /** The URL's first bad key, read at start (the defaults are used instead). */
  readonly urlError: string | null;
  update(patch: Partial<StudioSettings>): void;
  replace(settings: StudioSettings): void;
}

const initial = settingsFromUrl(typeof location === 'undefined' ? '' : location.search);

function writeUrl(s: StudioSettings): void {
  if (typeof history === 'undefined') return;
  const q = settingsToUrl(s);
  history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}`);
}

export const useSettings = create<SettingsState>()((set, get) => ({
  settings: initial.settings,
  urlError: initial.error,
  update(patch) {
    const settings = { ...get().settings, ...patch };
    writeUrl(settings);
    set({ settings });
  },
  replace(settings) {
    writeUrl(settings);
    set({ settings });
  },
}));
