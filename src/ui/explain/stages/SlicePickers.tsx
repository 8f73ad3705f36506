// The pickers of a grid stage: which state vector (cell state c or output h) and which of its N
// dimensions j the heatmaps show.
import type { StageProps } from './StageProps';

export function SlicePickers({ view, ex }: Pick<StageProps, 'view' | 'ex'>) {
  return (
    <div className="stage-pickers">
      <label>
        show{' '}
        <select
          data-testid="explain-vector"
          value={view.vector}
          onChange={(e) => view.setVector(e.target.value === 'h' ? 'h' : 'c')}
        >
          <option value="c">cell state c</option>
          <option value="h">output h</option>
        </select>
      </label>
      <label>
        dimension j{' '}
        <input
          type="number"
          data-testid="explain-j"
          min={0}
          max={ex.stateSize - 1}
          step={1}
          value={view.j}
          onChange={(e) => view.setJ(Number(e.target.value))}
        />
        <span className="muted"> of 0–{ex.stateSize - 1}</span>
      </label>
    </div>
  );
}
