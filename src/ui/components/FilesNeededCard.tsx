// In place of the live views while the chosen dataset waits for files from the user's disk (the
// running session is paused meanwhile): which dataset, which files it needs, and a button per file that
// opens the data panel's file input for it (the inputs stay where they are, so a file picked while the
// page switches between this card and the views is never lost with an input that went away), so the
// old task's charts never show under the new name.
import { Fragment } from 'react';
import { DATASET_CATALOG } from '../../worker/catalog';
import { useStudioState } from '../session/context';

export function FilesNeededCard() {
  const dataset = useStudioState((s) => s.settings.dataset);
  const entry = DATASET_CATALOG.find((d) => d.name === dataset);
  const needs = entry ? (entry.required.length > 0 ? entry.required : entry.together) : [];
  const loaded = useStudioState((s) => s.dataFiles);
  return (
    <section
      className="card files-needed"
      aria-labelledby="files-needed-title"
      data-testid="files-needed"
      data-dataset={dataset}
    >
      <h2 id="files-needed-title">{entry?.title ?? dataset} needs files from your disk</h2>
      {needs.length > 0 && (
        <p>
          It needs its{' '}
          {needs.map((role, i) => (
            <Fragment key={role}>
              {i > 0 && ' and '}
              <b>{role}</b>
            </Fragment>
          ))}{' '}
          file{needs.length > 1 ? 's' : ''}. Nothing is uploaded: the files are read in this page.
        </p>
      )}
      {entry && <p className="muted small">{entry.note}</p>}
      <div className="row">
        {needs.map((role) => (
          <span key={role}>
            <button
              type="button"
              data-testid={`files-needed-${role}`}
              onClick={() => document.getElementById(`data-file-${role}`)?.click()}
            >
              Choose the {role} file…
            </button>{' '}
            {loaded[role] && <span className="muted small">{loaded[role]}</span>}
          </span>
        ))}
      </div>
      <p className="muted small">
        The views come back as soon as the files are loaded, or when another dataset is chosen.
      </p>
    </section>
  );
}
