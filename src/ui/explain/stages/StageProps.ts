// What every stage of the explain view gets: the explanation, the class names, the image shape of
// the input (or null), the view's state and picks, and the width it may use.
import type { ImageShape } from '../../charts/heatmapLayout';
import type { Explanation } from '../../../worker/session/contract';
import type { ExplainView } from '../useExplain';

export interface StageProps {
  readonly ex: Explanation;
  readonly classNames: readonly string[];
  readonly imageShape: ImageShape | null;
  readonly view: ExplainView;
  /** Width of the stage's drawing column, px. */
  readonly width: number;
}

/** Names of a layer's columns: the class names for the last layer, "unit b" otherwise. */
export function columnNames(p: StageProps, layer: number): readonly string[] {
  const L = p.ex.layers[layer];
  return layer === p.ex.layers.length - 1 ? p.classNames : Array.from({ length: L.B }, (_, b) => String(b));
}

/** The image shape for a layer's rows: the input's for layer 0, none after. */
export const rowShape = (p: StageProps, layer: number): ImageShape | null => (layer === 0 ? p.imageShape : null);
