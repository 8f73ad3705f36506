// The learner file: a VSML config and its shared parameters V_M.
//   {"format":"vsml-learner","version":1,"config":{...},"params":{
//     "lstm":{"w":[[4N numbers] x (2M+N)],"b":[4N]},"fwd":{"w":[[M] x N],"b":[M]},"bwd":{"w":[[M] x N],"b":[M]}}}
// `config` may be partial: parseConfig fills the defaults. Matrices are arrays of rows, in the
// orientation of src/model/layout.ts.
import { CONFIG_PROPS, parseConfig, type VsmlConfig } from '../config';
import { asVmParams, paramLayout, type Block, type VmParams } from '../layout';
import type { Result } from '../result';
import {
  checkKeys,
  f32Row,
  f32Rows,
  fieldPath,
  parseWith,
  readF32Matrix,
  readF32Vector,
  readObject,
  stringifyDoc,
  unwrap,
} from './json';
import { envelope, restore, type FormatSpec } from './restore';

export const LEARNER_FORMAT: FormatSpec = { format: 'vsml-learner', version: 1 };

export interface Learner {
  readonly config: VsmlConfig;
  readonly params: VmParams;
}

/** The three parts of V_M in the file and the blocks they hold: [part, weights, bias]. */
const PARTS = [
  ['lstm', 'lstmW', 'lstmB'],
  ['fwd', 'fwdW', 'fwdB'],
  ['bwd', 'bwdW', 'bwdB'],
] as const;

/** Validate a parsed learner document: envelope, config, and every parameter's shape and value. */
export function parseLearner(raw: unknown): Result<Learner> {
  return parseWith(() => {
    const doc = restore(raw, LEARNER_FORMAT);
    checkKeys(doc, '', ['format', 'version', 'config', 'params']);
    const config = unwrap(parseConfig(doc.config, 'config'));
    const layout = paramLayout(config);
    const params = new Float32Array(layout.size);
    const p = readObject(doc.params, 'params');
    checkKeys(
      p,
      'params',
      PARTS.map(([name]) => name),
    );
    for (const [name, w, b] of PARTS) {
      const path = fieldPath('params', name);
      const part = readObject(p[name], path);
      checkKeys(part, path, ['w', 'b']);
      readBlock(part.w, fieldPath(path, 'w'), layout[w], params, true);
      readBlock(part.b, fieldPath(path, 'b'), layout[b], params, false);
    }
    return { config, params: asVmParams(params) };
  });
}

function readBlock(v: unknown, path: string, block: Block, out: Float32Array, matrix: boolean): void {
  if (matrix) readF32Matrix(v, path, block.rows, block.cols, out, block.offset);
  else readF32Vector(v, path, block.rows * block.cols, out, block.offset);
}

/** The full config in property-table order (defaults written out, so files survive default changes). */
export function configToJson(cfg: VsmlConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of CONFIG_PROPS)
    out[p.name] = p.kind === 'intList' ? [...(cfg[p.name] as readonly number[])] : cfg[p.name];
  return out;
}

export function learnerToJson({ config, params }: Learner): Record<string, unknown> {
  const layout = paramLayout(config);
  const rows = (b: Block) => f32Rows(params, b.rows, b.cols, b.offset);
  const vec = (b: Block) => f32Row(params, b.offset, b.offset + b.cols);
  return {
    ...envelope(LEARNER_FORMAT),
    config: configToJson(config),
    params: Object.fromEntries(PARTS.map(([name, w, b]) => [name, { w: rows(layout[w]), b: vec(layout[b]) }])),
  };
}

export const serialiseLearner = (l: Learner): string => `${stringifyDoc(learnerToJson(l))}\n`;
