// The trainer page's layout: header (engine, steps/s, ETA), banners, the saved-run offer, the live
// views on the left; run controls, config (preset, form, JSON) and files on the right.
import { Banners } from './components/Banners';
import { ConfigForm } from './components/ConfigForm';
import { ConfigJson } from './components/ConfigJson';
import { FilesPanel } from './components/FilesPanel';
import { Header } from './components/Header';
import { EvalCard, LossCard, PopulationCard } from './components/LivePanels';
import { PresetPicker } from './components/PresetPicker';
import { ResumeOffer } from './components/ResumeOffer';
import { RunPanel } from './components/RunPanel';

export function TrainerApp() {
  return (
    <div className="studio trainer">
      <Header />
      <Banners />
      <ResumeOffer />
      <main className="layout trainer-layout">
        <div className="views">
          <LossCard />
          <EvalCard />
          <PopulationCard />
        </div>
        <aside className="side">
          <RunPanel />
          <section className="panel" aria-label="config">
            <h3>Config</h3>
            <PresetPicker />
            <ConfigForm />
            <ConfigJson />
          </section>
          <FilesPanel />
          <p className="small muted">
            <a href="./">studio</a> · <a href="check.html">engine check</a> · <a href="bench.html">benchmark</a>
          </p>
        </aside>
      </main>
    </div>
  );
}
