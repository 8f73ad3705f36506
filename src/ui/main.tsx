// The studio page: starts the session worker, makes the page's store from the URL (and keeps the URL
// following its settings), wires the controller to the page's services, mounts the UI and opens the
// session the URL describes.
import * as Comlink from 'comlink';
import { createRoot } from 'react-dom/client';
import type { SessionApi } from '../worker/session/contract';
import { App } from './App';
import './studio.css';
import { StudioController } from './session/controller';
import { StudioContext } from './session/context';
import { createStudioStore } from './state/studioStore';
import { settingsToUrl } from './state/urlSettings';

const store = createStudioStore(location.search);
store.subscribe((s, prev) => {
  if (s.settings === prev.settings) return;
  const q = settingsToUrl(s.settings);
  history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}`);
});
const worker = new Worker(new URL('../worker/session/session.worker.ts', import.meta.url), { type: 'module' });
const controller = new StudioController(Comlink.wrap<SessionApi>(worker), store, {
  requestFrame: (callback) => requestAnimationFrame(callback),
  fetchAsset: (path) => fetch(`${import.meta.env.BASE_URL}${path}`),
  randomSeed: () => crypto.getRandomValues(new Uint32Array(1))[0],
});
createRoot(document.getElementById('root')!).render(
  <StudioContext.Provider value={{ controller, store }}>
    <App />
  </StudioContext.Provider>,
);
void controller.start();
