// The studio's layout: a skip link, the header (title, plain-words tagline, backend, throughput, a
// change on its way), the toolbar (play first in the Tab order), banners, presets, then the live views
// and the settings (a side column, or a drawer on narrow screens and in presentation mode). The page's
// keyboard shortcuts and presentation mode are wired here.
import { useRef, useState } from 'react';
import { BackendBadge } from './components/BackendBadge';
import { Controls } from './components/Controls';
import { DataPanel } from './components/DataPanel';
import { LearnedPanel } from './components/LearnedPanel';
import { LearnerPanel } from './components/LearnerPanel';
import { Messages } from './components/Messages';
import { PresetBar } from './components/PresetBar';
import { ShortcutsDialog } from './keyboard/ShortcutsDialog';
import { useShortcuts } from './keyboard/useShortcuts';
import { PickedFilesContext, usePickedFilesRecord } from './layout/pickedFiles';
import { usePresentation, usePresentationSync } from './layout/presentation';
import { Toolbar } from './layout/Toolbar';
import { Tour } from './tour/Tour';
import { useTour } from './tour/useTour';
import { QuizPanel } from './quiz/QuizPanel';
import { useQuizClasses } from './quiz/useQuiz';
import { Views } from './layout/Views';
import { PadPanel } from './pad/PadPanel';
import { useStudio, useStudioState } from './session/context';
import { ExplainView } from './explain/ExplainView';
import { useExplainMode } from './explain/useExplainMode';

const TAGLINE =
  'Every weight of this network is a tiny LSTM. They all share one small set of parameters (V_M), and learn from the error fed back to them — no gradient at test time.';

export function App() {
  const studio = useStudio();
  const ready = useStudioState((s) => s.info !== null);
  const taskName = useStudioState((s) => s.info?.taskName);
  const presentation = usePresentation();
  const explain = useExplainMode();
  const tour = useTour(presentation.present);
  const quizClasses = useQuizClasses();
  usePresentationSync();
  const picked = usePickedFilesRecord();
  const [help, setHelp] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const views = useRef<HTMLElement>(null);
  const drawerClose = useRef<HTMLButtonElement>(null);

  const openDrawer = (open: boolean) => {
    setDrawerOpen(open);
    if (open) requestAnimationFrame(() => drawerClose.current?.focus());
    else if (document.activeElement instanceof HTMLElement && document.activeElement.closest('#settings'))
      document.querySelector<HTMLElement>('[data-testid="settings-toggle"]')?.focus();
  };

  useShortcuts({
    'toggle-play': () => ready && void studio.togglePlay(),
    step: () => ready && void studio.stepOnce(),
    'toggle-present': presentation.toggle,
    'show-help': () => setHelp(true),
    'leave-present': () => {
      if (drawerOpen) openDrawer(false);
      else if (presentation.present) presentation.leave();
      else return false;
    },
  });

  return (
    <PickedFilesContext.Provider value={picked}>
      <div className={(presentation.present ? 'studio present' : 'studio') + quizClasses}>
        <a
          className="skip-link"
          href="#views"
          data-testid="skip-link"
          onClick={(e) => {
            e.preventDefault();
            views.current?.focus();
            views.current?.scrollIntoView();
          }}
        >
          Skip to the live views
        </a>
        <header className="top">
          <div className="title">
            <h1>VSML Studio</h1>
            <p className="tagline">
              {TAGLINE}
              {taskName && (
                <>
                  {' '}
                  Task: <b>{taskName}</b>.
                </>
              )}
            </p>
          </div>
          <BackendBadge />
        </header>
        <Toolbar
          presentation={presentation}
          drawerOpen={drawerOpen}
          onToggleDrawer={() => openDrawer(!drawerOpen)}
          onHelp={() => setHelp(true)}
          onTour={tour.show}
          onExplain={explain.show}
        />
        <Messages />
        <QuizPanel />
        <PresetBar />
        <PadPanel />
        {explain.open && <ExplainView port={studio} onClose={explain.close} />}
        <main className="layout" hidden={explain.open}>
          <Views ref={views} />
          <section id="settings" className={drawerOpen ? 'side drawer open' : 'side drawer'} aria-label="settings">
            <button
              type="button"
              ref={drawerClose}
              className="drawer-close"
              data-testid="settings-close"
              onClick={() => openDrawer(false)}
            >
              ✕ Close settings
            </button>
            <Controls />
            <LearnerPanel />
            <LearnedPanel />
            <DataPanel />
            <p className="small muted">
              <a href="trainer.html">meta-train</a> · <a href="check.html">engine check</a> ·{' '}
              <a href="bench.html">benchmark</a>
            </p>
          </section>
        </main>
        {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
        {tour.open && <Tour onClose={tour.close} />}
      </div>
    </PickedFilesContext.Provider>
  );
}
