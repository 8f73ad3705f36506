// Play / pause, one step, speed on a log scale, the two restarts (same seeds, new seeds), runs S and
// the baselines shown. Keyboard: space = play / pause, right arrow = one step.
import { useEffect } from 'react';
import { BASELINE_NAMES, type BaselineName } from '../../model/baselines/kinds';
import { useStudio, useStudioState } from '../session/context';
import { formatSpeed, positionFromSpeed, SPEED_STEPS, speedFromPosition } from '../state/speedScale';
import { LEARNER_LABELS } from './labels';

const RUN_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128, 256];

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);

export function Controls() {
  const studio = useStudio();
  const playing = useStudioState((s) => s.playing);
  const ready = useStudioState((s) => s.info !== null);
  const speed = useStudioState((s) => s.settings.speed);
  const runs = useStudioState((s) => s.settings.runs);
  const seed = useStudioState((s) => s.settings.seed);
  const baselines = useStudioState((s) => s.settings.baselines);
  const update = useStudioState((s) => s.update);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') {
        e.preventDefault();
        studio.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        void studio.stepOnce();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [studio]);

  const toggleBaseline = (name: BaselineName, on: boolean) =>
    update({ baselines: BASELINE_NAMES.filter((b) => (b === name ? on : baselines.includes(b))) });

  return (
    <section className="controls" aria-label="controls">
      <div className="row">
        <button type="button" className="primary" data-testid="play-pause" disabled={!ready} onClick={() => studio.togglePlay()} title="space">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" data-testid="step" disabled={!ready} onClick={() => void studio.stepOnce()} title="right arrow">
          Step ▸
        </button>
        <label className="speed">
          speed
          <input
            type="range" min={0} max={SPEED_STEPS - 1} step={1} value={positionFromSpeed(speed)} data-testid="speed-slider"
            onChange={(e) => update({ speed: speedFromPosition(Number(e.target.value)) })}
          />
          <output>{formatSpeed(speed)}</output>
        </label>
      </div>
      <div className="row">
        <button type="button" data-testid="restart-same" disabled={!ready} onClick={() => void studio.restartSameSeeds()}>
          ↺ Restart, same seeds
        </button>
        <button type="button" data-testid="new-seeds" onClick={() => studio.newSeeds()}>
          ⚄ New seeds
        </button>
        <span className="muted">seed {seed}</span>
        <label>
          runs S
          <select value={runs} data-testid="runs" onChange={(e) => update({ runs: Number(e.target.value) })}>
            {(RUN_CHOICES.includes(runs) ? RUN_CHOICES : [...RUN_CHOICES, runs].sort((a, b) => a - b)).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="row">
        <legend>baselines on the same streams</legend>
        {BASELINE_NAMES.map((name) => (
          <label key={name}>
            <input type="checkbox" checked={baselines.includes(name)} onChange={(e) => toggleBaseline(name, e.target.checked)} />
            {LEARNER_LABELS[name]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
