// `vsml trace --explain T`: the explanation of example T (src/model/explain.ts) while the trace runs,
// from the engine's own state read back just before T and run 0's pending inputs rebuilt from
// example T-1's outputs and label (rebuildCarry), exactly as the studio's "explain this step" does;
// and the flags that ask for it (--explain, --explain-out, --cell).
import type { Stream } from '../data/streamFile';
import type { VsmlEngine } from '../model/engine';
import { explainExample, explanationBytes, rebuildCarry } from '../model/explain';
import type { Explanation } from '../model/explainTypes';
import { checkCell, type CellRef } from '../model/formats/explanation';
import type { Learner } from '../model/formats/learner';
import { productItem, type MemoryItem } from '../model/resources';
import type { LayerShape } from '../model/state';
import { intFlag, type FlagValues } from './args';

/** What --explain asks for: the example, the file, and a cell to keep (or all). */
export interface ExplainRequest {
  readonly step: number;
  readonly out: string;
  readonly cell: CellRef | null;
}

/**
 * The --explain flags checked against the stream and grid: null when not asked, else the request or the line that says
 * what is wrong.
 */
export function explainRequest(
  flags: FlagValues,
  steps: number,
  shapes: readonly LayerShape[],
): { ok: true; value: ExplainRequest | null } | { ok: false; line: string } {
  const has = flags.has('explain');
  const out = flags.get('explain-out');
  if (!has && out === undefined && !flags.has('cell')) return { ok: true, value: null };
  if (!has)
    return {
      ok: false,
      line: `vsml trace: --${out === undefined ? 'cell' : 'explain-out'} needs --explain T (the example to explain)`,
    };
  if (out === undefined)
    return { ok: false, line: 'vsml trace: --explain needs --explain-out E.json (the file to write)' };
  const step = intFlag(flags, 'explain', 0, 0, steps - 1);
  if (!step.ok) return { ok: false, line: `vsml trace: ${step.error.message} (the stream has ${steps} examples)` };
  let cell: CellRef | null = null;
  const text = flags.get('cell');
  if (text !== undefined) {
    const m = /^(\d+),(\d+),(\d+)$/.exec(text);
    if (!m)
      return {
        ok: false,
        line: `vsml trace: flag --cell must be L,A,B (layer, row, column), got ${JSON.stringify(text)}`,
      };
    cell = { layer: Number(m[1]), a: Number(m[2]), b: Number(m[3]) };
    const bad = checkCell(shapes, cell);
    if (bad) return { ok: false, line: `vsml trace: flag --cell: ${bad}` };
  }
  return { ok: true, value: { step: step.value, out, cell } };
}

/** Bytes per explanation value while its file is written (JSON arrays and text, as the trace's). */
const TEXT_BYTES_PER_VALUE = 32;

/** The explanation's arrays and, for every cell kept, its text. */
export function explainMemory(learner: Learner, shapes: readonly LayerShape[], cell: CellRef | null): MemoryItem {
  const bytes = explanationBytes(learner.config, shapes);
  const textValues = cell ? bytes / 4 / shapes.reduce((n, s) => n + s.A * s.B, 0) : bytes / 4;
  return productItem('--explain', 'the explanation of one example (states, micro-ticks, gates) and its text', [
    [bytes + textValues * TEXT_BYTES_PER_VALUE, 'bytes'],
  ]);
}

/**
 * Example `step` of run 0 explained on `engine`, which has run the examples before it (their outputs in `outputs`,
 * [T][K]).
 */
export async function explainOnEngine(
  engine: VsmlEngine,
  learner: Learner,
  stream: Stream,
  outputs: Float32Array,
  step: number,
): Promise<Explanation> {
  const { inputSize: A, numClasses: K } = stream;
  const last = step > 0 ? { y: outputs.slice((step - 1) * K, step * K), label: stream.labels[step - 1] } : null;
  const carry = rebuildCarry(learner.config, learner.params, engine.shapes, await engine.readState(0), last);
  return explainExample(
    learner.config,
    learner.params,
    engine.shapes,
    carry,
    stream.inputs.subarray(step * A, (step + 1) * A),
    stream.labels[step],
    step,
  );
}
