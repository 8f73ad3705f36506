// One dataset reference of the document: which dataset, and for the IDX / CIFAR sets the files it
// reads, chosen from disk (the page keeps the bytes; the document names the file).
import { DATASET_CATALOG } from '../../../worker/catalog';
import { getAt } from '../configDoc';
import { useTrainerController } from '../context';
import { refFiles, refName, withRefName } from '../datasetRefs';
import { useTrainer } from '../trainerStore';

export interface DatasetRefProps {
  /** e.g. "tasks.datasets[0]" or "evaluation.datasets[1].dataset". */
  readonly path: string;
  readonly testId: string;
  /** Write a new reference some other way than editField(path, ref). */
  readonly onRef?: (ref: unknown) => void;
}

export function DatasetRef({ path, testId, onRef }: DatasetRefProps) {
  const controller = useTrainerController();
  const ref = useTrainer((s) => getAt(s.doc, path));
  const loaded = useTrainer((s) => s.loadedFiles);
  const editField = useTrainer((s) => s.editField);
  const name = refName(ref);
  const entry = DATASET_CATALOG.find((d) => d.name === name);
  const roles = entry ? [...entry.required, ...entry.optional] : [];
  // Meta-training reads whole files: a built-in subset's pair (Fashion-MNIST) is needed here too.
  const needed = entry ? [...entry.required, ...entry.together] : [];
  const files = refFiles(ref);
  return (
    <div className="dataset-ref">
      <select
        value={entry ? name : ''}
        data-testid={testId}
        aria-label="dataset"
        onChange={(e) => {
          const next = DATASET_CATALOG.find((d) => d.name === e.target.value);
          if (!next) return;
          const value = withRefName(next.name, [...next.required, ...next.optional], ref);
          if (onRef) onRef(value);
          else editField(path, value);
        }}
      >
        {!entry && <option value="">{name === '' ? 'choose…' : `${name} (unknown)`}</option>}
        {DATASET_CATALOG.map((d) => (
          <option key={d.name} value={d.name}>
            {d.title}
          </option>
        ))}
      </select>
      {roles.map((role) => {
        const named = files[role];
        const have = named !== undefined && loaded.includes(named);
        return (
          <label key={role} className="file small">
            <span>
              {role}
              {needed.includes(role) ? '' : ' (optional)'}:{' '}
              {named ? (
                <b className={have ? 'ok' : 'bad'}>
                  {named}
                  {have ? '' : ' (not loaded)'}
                </b>
              ) : (
                <span className="muted">none</span>
              )}
            </span>
            <input
              type="file"
              data-testid={`${testId}-file-${role}`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void controller.loadDataFile(path, role, file);
              }}
            />
          </label>
        );
      })}
    </div>
  );
}
