// The data the learners see: a dataset (built in, synthetic, or files from the user's disk), its
// split, the transforms (resize, shuffled pixels, random projection, a class subset) and the stream.
import { useEffect, useState } from 'react';
import { DATASET_CATALOG } from '../../worker/catalog';
import type { StreamKind } from '../../worker/session/contract';
import { useStudioState } from '../session/context';
import { parseClassList } from '../state/classList';
import { AssociationOptions } from './AssociationOptions';
import { DataFileInputs } from './DataFileInputs';
import { Refusal } from './Refusal';

const RESIZES: readonly (number | null)[] = [null, 7, 14, 21, 28];

export function DataPanel() {
  const s = useStudioState((st) => st.settings);
  const update = useStudioState((st) => st.update);
  const setLive = useStudioState((st) => st.set);
  const entry = DATASET_CATALOG.find((d) => d.name === s.dataset);
  const [classText, setClassText] = useState((s.classes ?? []).join(','));
  // The field follows the settings when they change from elsewhere (a preset, a refused open).
  useEffect(() => setClassText((s.classes ?? []).join(',')), [s.classes]);

  const applyClasses = () => {
    const parsed = parseClassList(classText);
    if (!parsed.ok) setLive({ error: parsed.message });
    else update({ classes: parsed.classes });
  };

  return (
    <section className="panel" aria-label="data" id="data-panel">
      <h3>Data</h3>
      <label>
        dataset
        <select
          value={s.dataset}
          data-testid="dataset"
          onChange={(e) => update({ dataset: e.target.value, classes: null })}
        >
          {DATASET_CATALOG.map((d) => (
            <option key={d.name} value={d.name}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      {entry && <p className="muted small">{entry.note}</p>}
      <DataFileInputs />
      <Refusal control="dataset" />
      <div className="row">
        <label>
          split
          <select value={s.split} onChange={(e) => update({ split: e.target.value as 'train' | 'test' })}>
            <option value="test">test</option>
            <option value="train">train</option>
          </select>
        </label>
        <label>
          resize
          <select
            value={s.resize ?? 'none'}
            data-testid="resize"
            onChange={(e) => update({ resize: e.target.value === 'none' ? null : Number(e.target.value) })}
          >
            {RESIZES.map((r) => (
              <option key={r ?? 'none'} value={r ?? 'none'}>
                {r === null ? 'as stored' : `${r}×${r}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Refusal control="resize" />
      <div className="row">
        <label>
          <input
            type="checkbox"
            checked={s.shuffle}
            data-testid="shuffle"
            onChange={(e) => update({ shuffle: e.target.checked })}
          />
          shuffled pixels
        </label>
        <label>
          <input type="checkbox" checked={s.project} onChange={(e) => update({ project: e.target.checked })} />
          random projection
        </label>
      </div>
      <div className="row">
        <label>
          classes
          <input
            type="text"
            value={classText}
            placeholder="all"
            size={12}
            data-testid="classes"
            onChange={(e) => setClassText(e.target.value)}
            onBlur={applyClasses}
            onKeyDown={(e) => e.key === 'Enter' && applyClasses()}
          />
        </label>
        <Refusal control="classes" />
        <label>
          stream
          <select
            value={s.stream}
            data-testid="stream"
            onChange={(e) => update({ stream: e.target.value as StreamKind })}
          >
            <option value="iid">random examples</option>
            <option value="association">fast association (one image per class, each shown twice)</option>
          </select>
        </label>
      </div>
      <Refusal control="stream" />
      {s.stream === 'association' && <AssociationOptions />}
    </section>
  );
}
