// The learner: one of the shipped meta-trained ones, or a learner file from the user's disk.
import { SHIPPED_LEARNERS, TRAINED_LEARNER } from '../../worker/catalog';
import { ModelCardLink } from '../cards/ModelCardLink';
import { useStudio, useStudioState } from '../session/context';
import { usePickedFiles } from '../layout/pickedFiles';
import { Refusal } from './Refusal';

export function LearnerPanel() {
  const studio = useStudio();
  const learner = useStudioState((s) => s.settings.learner);
  const file = useStudioState((s) => s.learnerFile);
  const { pickLearner } = usePickedFiles();
  return (
    <section className="panel" aria-label="learner">
      <h3>Learner</h3>
      <label>
        shipped
        <select
          value={file ? 'file' : learner}
          data-testid="learner"
          onChange={(e) => studio.chooseShippedLearner(e.target.value)}
        >
          {SHIPPED_LEARNERS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
          {learner === TRAINED_LEARNER && !file && <option value={TRAINED_LEARNER}>from the trainer page</option>}
          {file && <option value="file">file: {file}</option>}
        </select>
      </label>
      <Refusal control="learner" />
      <label className="file">
        or a learner file (.learner.json)
        <input
          type="file"
          accept=".json,application/json"
          data-testid="learner-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            pickLearner(f.name);
            void studio.loadLearnerFile(f);
          }}
        />
      </label>
      <Refusal control="learner-file" />
      {!file && learner !== TRAINED_LEARNER && (
        <p className="small">
          <ModelCardLink learnerId={learner} assetBase={import.meta.env.BASE_URL} />
        </p>
      )}
    </section>
  );
}
