// Learned learners without variable sharing (the paper's §4.4: Meta RNN, Hebbian fast weights,
// FWMemory) as extra lines beside VSML and the baselines, on the same examples: the shipped ones by
// a checkbox each (with their model cards), or a learned-learner file from the user's disk. The worker
// runs them; a refused file is named with its field beside this panel and the session goes on.
import { SHIPPED_LEARNED } from '../../worker/catalog';
import { ModelCardLink } from '../cards/ModelCardLink';
import { usePickedFiles } from '../layout/pickedFiles';
import { useStudio, useStudioState } from '../session/context';
import { Refusal } from './Refusal';

export function LearnedPanel() {
  const studio = useStudio();
  const learned = useStudioState((s) => s.settings.learned);
  const files = useStudioState((s) => s.learnedFiles);
  const update = useStudioState((s) => s.update);
  const { pickLearned } = usePickedFiles();
  const toggle = (id: string, on: boolean) =>
    update({ learned: SHIPPED_LEARNED.map((l) => l.id).filter((x) => (x === id ? on : learned.includes(x))) });
  return (
    <section className="panel" aria-label="learned learners">
      <h3>Learners without shared variables</h3>
      <p className="small muted">
        Meta-learned like VSML, but with one weight per input and output instead of one small rule shared by every
        connection (paper §4.4). Each runs as one more line on the same examples.
      </p>
      {SHIPPED_LEARNED.length > 0 && (
        <fieldset>
          <legend>shipped</legend>
          {SHIPPED_LEARNED.map((l) => (
            <div key={l.id} className="row">
              <label>
                <input
                  type="checkbox"
                  data-testid={`learned-${l.id}`}
                  checked={learned.includes(l.id)}
                  onChange={(e) => toggle(l.id, e.target.checked)}
                />
                {l.title}
              </label>
              <ModelCardLink
                learnerId={l.id}
                assetBase={import.meta.env.BASE_URL}
                testId={`model-card-link-${l.id}`}
                of={l.title}
              />
            </div>
          ))}
        </fieldset>
      )}
      <label className="file">
        or a learned-learner file (Meta RNN, Hebbian, FWMemory .learner.json)
        <input
          type="file"
          accept=".json,application/json"
          data-testid="learned-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            pickLearned(f.name);
            void studio.loadLearnedFile(f);
          }}
        />
      </label>
      {files.length > 0 && (
        <ul className="small" aria-label="learned-learner files">
          {files.map((name) => (
            <li key={name}>
              {name}{' '}
              <button
                type="button"
                className="link"
                data-testid={`learned-remove-${name}`}
                onClick={() => void studio.removeLearnedFile(name)}
              >
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <Refusal control="learned" />
    </section>
  );
}
