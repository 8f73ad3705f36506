// Which cell the numbers are of: its row a and column b as number fields (the keyboard's way; a click
// on a heatmap picks one too), with where it sits in words.
import type { ImageShape } from '../../charts/heatmapLayout';
import type { StageProps } from './StageProps';

export function CellPicker({
  view,
  ex,
  names,
  shape,
}: Pick<StageProps, 'view' | 'ex'> & { readonly names: readonly string[]; readonly shape: ImageShape | null }) {
  const L = ex.layers[view.cell.layer];
  const { a, b } = view.cell;
  const pixel = shape ? Math.floor(a / shape.channels) : 0;
  const where = shape ? ` — pixel (row ${Math.floor(pixel / shape.width)}, column ${pixel % shape.width})` : '';
  return (
    <div className="stage-pickers" data-testid="explain-cell" data-layer={view.cell.layer} data-a={a} data-b={b}>
      <label>
        row a{' '}
        <input
          type="number"
          data-testid="explain-cell-a"
          min={0}
          max={L.A - 1}
          step={1}
          value={a}
          onChange={(e) => view.setCell({ a: Number(e.target.value) })}
        />
      </label>
      <label>
        column b{' '}
        <input
          type="number"
          data-testid="explain-cell-b"
          min={0}
          max={L.B - 1}
          step={1}
          value={b}
          onChange={(e) => view.setCell({ b: Number(e.target.value) })}
        />
      </label>
      <span className="muted">
        cell ({a}, {b}){where}, column “{names[b] ?? b}”
      </span>
    </div>
  );
}
