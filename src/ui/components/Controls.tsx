// The run settings: runs S and the baselines shown beside VSML. (Play, step, speed and the restarts
// are in the toolbar at the top of the page, layout/Toolbar.tsx.)
import { BASELINE_NAMES, type BaselineName } from '../../model/baselines/kinds';
import { useStudioState } from '../session/context';
import { LEARNER_LABELS } from './labels';
import { Refusal } from './Refusal';

const RUN_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128, 256];

export function Controls() {
  const runs = useStudioState((s) => s.settings.runs);
  const baselines = useStudioState((s) => s.settings.baselines);
  const update = useStudioState((s) => s.update);

  const toggleBaseline = (name: BaselineName, on: boolean) =>
    update({ baselines: BASELINE_NAMES.filter((b) => (b === name ? on : baselines.includes(b))) });

  return (
    <section className="panel" aria-label="runs">
      <h3>Runs</h3>
      <label>
        independent runs S
        <select value={runs} data-testid="runs" onChange={(e) => update({ runs: Number(e.target.value) })}>
          {(RUN_CHOICES.includes(runs) ? RUN_CHOICES : [...RUN_CHOICES, runs].sort((a, b) => a - b)).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <Refusal control="runs" />
      <fieldset className="row">
        <legend>baselines: gradient descent on the same examples</legend>
        {BASELINE_NAMES.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={baselines.includes(name)}
              onChange={(e) => toggleBaseline(name, e.target.checked)}
            />
            {LEARNER_LABELS[name]}
          </label>
        ))}
      </fieldset>
      <Refusal control="baselines" />
    </section>
  );
}
