// The studio page: starts the session worker, opens the session the URL describes, mounts the UI.
import * as Comlink from 'comlink';
import { createRoot } from 'react-dom/client';
import type { SessionApi } from '../worker/sessionApi';
import { openIdbStore } from '../worker/storage/keyValueStore';
import { loadHandoffLearner } from '../worker/storage/learnerHandoff';
import { App } from './App';
import './studio.css';
import { StudioController } from './session/controller';
import { StudioContext } from './session/context';

const worker = new Worker(new URL('../worker/session.worker.ts', import.meta.url), { type: 'module' });
const studio = new StudioController(Comlink.wrap<SessionApi>(worker), {
  requestFrame: (callback) => requestAnimationFrame(callback),
  fetchAsset: (path) => fetch(`${import.meta.env.BASE_URL}${path}`),
  loadTrainedLearner: async () => loadHandoffLearner(await openIdbStore()),
  randomSeed: () => crypto.getRandomValues(new Uint32Array(1))[0],
});
createRoot(document.getElementById('root')!).render(
  <StudioContext.Provider value={studio}>
    <App />
  </StudioContext.Provider>,
);
void studio.start();
