// The studio's layout: header (backend, throughput), banners, presets, then the live views on the
// left and the controls on the right.
import { AccuracyPanel } from './components/AccuracyPanel';
import { BackendBadge } from './components/BackendBadge';
import { Controls } from './components/Controls';
import { DataPanel } from './components/DataPanel';
import { HeatmapPanel } from './components/HeatmapPanel';
import { LearnerPanel } from './components/LearnerPanel';
import { Messages } from './components/Messages';
import { ExampleCard, StripCard } from './components/OutputPanel';
import { PresetBar } from './components/PresetBar';
import { useStudioState } from './session/context';

export function App() {
  const status = useStudioState((s) => s.status);
  const taskName = useStudioState((s) => s.info?.taskName);
  return (
    <div className="studio">
      <header className="top">
        <div>
          <h1>VSML Studio</h1>
          <p className="muted small">
            Every weight is a tiny LSTM; all share one parameter set V_M and learn online from the fed-back error, with no gradient.
            {taskName && <> Task: <b>{taskName}</b>.</>}
          </p>
        </div>
        <BackendBadge />
      </header>
      <Messages />
      <PresetBar />
      <main className="layout">
        <div className="views">
          {status === 'starting' && <p className="muted">Starting the engine in a worker…</p>}
          <ExampleCard />
          <AccuracyPanel />
          <StripCard />
          <HeatmapPanel />
        </div>
        <aside className="side">
          <Controls />
          <LearnerPanel />
          <DataPanel />
          <p className="small muted">
            <a href="trainer.html">meta-train</a> · <a href="check.html">engine check</a> · <a href="bench.html">benchmark</a>
          </p>
        </aside>
      </main>
    </div>
  );
}
