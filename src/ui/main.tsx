// The studio page: starts the session worker, opens the session the URL describes, mounts the UI.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './studio.css';
import { StudioController } from './session/controller';
import { StudioContext } from './session/context';

const worker = new Worker(new URL('../worker/session.worker.ts', import.meta.url), { type: 'module' });
const studio = new StudioController(worker);
createRoot(document.getElementById('root')!).render(
  <StudioContext.Provider value={studio}>
    <App />
  </StudioContext.Provider>,
);
void studio.start();
