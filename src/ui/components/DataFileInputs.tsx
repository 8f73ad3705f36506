// The file inputs of a dataset read from the user's disk, one per role (images, labels, …), each with
// the name of the file loaded for it and a refusal of the file picked there. Always in the data panel
// (its id, data-file-<role>, lets the card shown while files are missing open it: FilesNeededCard).
import { DATASET_CATALOG } from '../../worker/catalog';
import { useStudio, useStudioState } from '../session/context';
import { usePickedFiles } from '../layout/pickedFiles';
import { Refusal } from './Refusal';

export function DataFileInputs() {
  const studio = useStudio();
  const dataset = useStudioState((s) => s.settings.dataset);
  const dataFiles = useStudioState((s) => s.dataFiles);
  const { pickData } = usePickedFiles();
  const entry = DATASET_CATALOG.find((d) => d.name === dataset);
  const roles = entry ? [...entry.required, ...entry.optional] : [];
  if (roles.length === 0) return null;
  return (
    <div className="files">
      {roles.map((role) => (
        <div key={role}>
          <label className="file">
            {role} file{entry?.required.includes(role) ? '' : ' (optional)'}
            <input
              type="file"
              id={`data-file-${role}`}
              data-testid={`data-file-${role}`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                pickData(role, file.name);
                void studio.loadDataFiles(dataset, { [role]: file });
              }}
            />
            {dataFiles[role] && <span className="muted small">{dataFiles[role]}</span>}
          </label>
          <Refusal control={`data-file-${role}`} />
        </div>
      ))}
    </div>
  );
}
