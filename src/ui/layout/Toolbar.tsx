// The toolbar at the top of the page, first in the Tab order after the skip link: play / pause, one
// step, speed, the two restarts, presentation mode, the guided tour, About VSML, the shortcuts list
// ("?") and, on narrow screens and in presentation mode, the button that opens the settings drawer. In
// presentation mode it keeps only play / pause, step, restart, settings, tour, "?" and exit (studio.css
// hides the rest).
import { useStudio, useStudioState } from '../session/context';
import { formatSpeed, positionFromSpeed, SPEED_STEPS, speedFromPosition } from '../state/speedScale';
import { PadToggle } from '../pad/PadToggle';
import { QuizToggle } from '../quiz/QuizToggle';
import { AboutLink } from '../about/AboutLink';
import type { PresentationActions } from './presentation';

export interface ToolbarProps {
  readonly presentation: PresentationActions;
  readonly drawerOpen: boolean;
  readonly onToggleDrawer: () => void;
  readonly onHelp: () => void;
  /** Opens "explain this step" in place of the live views (src/ui/explain/). */
  readonly onExplain?: () => void;
  /** Opens the guided tour. */
  readonly onTour: () => void;
}

export function Toolbar({ presentation, drawerOpen, onToggleDrawer, onHelp, onTour, onExplain }: ToolbarProps) {
  const studio = useStudio();
  const playing = useStudioState((s) => s.playing);
  const ready = useStudioState((s) => s.info !== null);
  const speed = useStudioState((s) => s.settings.speed);
  const seed = useStudioState((s) => s.settings.seed);
  const update = useStudioState((s) => s.update);
  return (
    <section className="toolbar" aria-label="player">
      <button
        type="button"
        className="primary"
        data-testid="play-pause"
        disabled={!ready}
        onClick={() => studio.togglePlay()}
        aria-keyshortcuts="Space"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        data-testid="step"
        disabled={!ready}
        onClick={() => void studio.stepOnce()}
        aria-keyshortcuts="ArrowRight"
      >
        Step ▸
      </button>
      {onExplain && (
        <button
          type="button"
          data-testid="explain-open"
          disabled={!ready}
          onClick={onExplain}
          title="Play one example in slow motion, stage by stage, with the engine's own numbers"
        >
          Explain this step
        </button>
      )}
      <label className="speed full-only">
        speed
        <input
          type="range"
          min={0}
          max={SPEED_STEPS - 1}
          step={1}
          value={positionFromSpeed(speed)}
          data-testid="speed-slider"
          aria-valuetext={formatSpeed(speed) === 'max' ? 'as fast as possible' : `${formatSpeed(speed)} examples`}
          onChange={(e) => update({ speed: speedFromPosition(Number(e.target.value)) })}
        />
        <output>{formatSpeed(speed)}</output>
      </label>
      <button type="button" data-testid="restart-same" disabled={!ready} onClick={() => void studio.restartSameSeeds()}>
        ↺ Restart<span className="full-only">, same seeds</span>
      </button>
      <button type="button" className="full-only" data-testid="new-seeds" onClick={() => studio.newSeeds()}>
        ⚄ New seeds
      </button>
      <span className="muted full-only" data-testid="seed">
        seed {seed}
      </span>
      <span className="toolbar-end">
        <button
          type="button"
          className="drawer-toggle"
          data-testid="settings-toggle"
          aria-expanded={drawerOpen}
          aria-controls="settings"
          onClick={onToggleDrawer}
        >
          ☰ Settings
        </button>
        <PadToggle />
        <QuizToggle />
        <button type="button" data-testid="presentation" aria-keyshortcuts="p" onClick={presentation.toggle}>
          {presentation.present ? '✕ Exit presentation' : 'Present'}
        </button>
        <button type="button" data-testid="tour-open" onClick={onTour}>
          Tour
        </button>
        <AboutLink />
        <button
          type="button"
          data-testid="shortcuts-help"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="Shift+?"
          onClick={onHelp}
        >
          ?
        </button>
      </span>
    </section>
  );
}
