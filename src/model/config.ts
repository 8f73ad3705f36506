// The VSML configuration: one typed record, its defaults, and the property table that validates it.
import { fail, ok, type Result } from './result';
import { show } from './formats/json';

export interface VsmlConfig {
  /** N: LSTM state size of every sub-RNN. */
  readonly stateSize: number;
  /** M: message size (forward and backward). */
  readonly messageSize: number;
  /** LSTM steps per layer per example, all with the same incoming messages. */
  readonly microTicks: number;
  /** Output squash: y = tanhBound * tanh(m / tanhBound). */
  readonly tanhBound: number;
  /** Which forward-message dimension of the last layer is read out (the input goes into dim 0). */
  readonly outputIndex: number;
  /** Feed the one-hot label next to the error in the last layer's backward input (dim 1). */
  readonly feedLabel: boolean;
  /** Hidden layer sizes between the input (A) and the classes (K). */
  readonly hiddenSizes: readonly number[];
  /** Fraction of the N cell dimensions drawn at random in the initial state. */
  readonly initRandProportion: number;
  /**
   * A reverse (top-down) tick right after each example's forward tick (official `backward_pass`): the
   * example's error reaches every layer within the same example, then the carried backward inputs are
   * zeroed (src/model/reference.ts reverseTick). Reference and fast CPU engine; WebGPU refuses it.
   */
  readonly backwardPass: boolean;
  /** LayerNorm on messages (official `layer_norm`): not supported yet. */
  readonly layerNorm: boolean;
}

export const DEFAULT_CONFIG: VsmlConfig = Object.freeze({
  stateSize: 16,
  messageSize: 8,
  microTicks: 2,
  tanhBound: 100,
  outputIndex: 1,
  feedLabel: false,
  hiddenSizes: Object.freeze([]) as readonly number[],
  initRandProportion: 0.5,
  backwardPass: false,
  layerNorm: false,
});

type Kind = 'int' | 'number' | 'boolean' | 'intList';

/** One row of the property table: name, type, range, and (optionally) a reason the value is not supported. */
export interface ConfigProp {
  readonly name: keyof VsmlConfig;
  readonly kind: Kind;
  readonly min?: number;
  readonly max?: number;
  /** Inclusive lower bound unless `minExclusive`. */
  readonly minExclusive?: boolean;
  readonly unsupportedWhen?: unknown;
  readonly help: string;
}

export const CONFIG_PROPS: readonly ConfigProp[] = [
  { name: 'stateSize', kind: 'int', min: 1, max: 64, help: 'LSTM state size N' },
  { name: 'messageSize', kind: 'int', min: 2, max: 32, help: 'message size M' },
  { name: 'microTicks', kind: 'int', min: 1, max: 16, help: 'LSTM steps per layer per example' },
  { name: 'tanhBound', kind: 'number', min: 0, minExclusive: true, max: 1e6, help: 'output bound' },
  { name: 'outputIndex', kind: 'int', min: 0, max: 31, help: 'forward-message dim read out' },
  { name: 'feedLabel', kind: 'boolean', help: 'feed the one-hot label beside the error' },
  { name: 'hiddenSizes', kind: 'intList', min: 1, max: 4096, help: 'hidden layer sizes' },
  { name: 'initRandProportion', kind: 'number', min: 0, max: 1, help: 'fraction of random cell dims' },
  {
    name: 'backwardPass',
    kind: 'boolean',
    help: 'reverse tick after each example: its error reaches every layer at once (CPU engines only)',
  },
  { name: 'layerNorm', kind: 'boolean', unsupportedWhen: true, help: 'LayerNorm on messages' },
];

const describeRange = (p: ConfigProp): string => `${p.minExclusive ? '(' : '['}${p.min}, ${p.max}]`;

function checkNumber(p: ConfigProp, v: unknown, path: string): Result<number> {
  if (typeof v !== 'number' || !Number.isFinite(v))
    return fail('type', path, `must be a finite number, got ${show(v)}`);
  if (p.kind === 'int' || p.kind === 'intList') {
    if (!Number.isInteger(v)) return fail('range', path, `must be an integer in ${describeRange(p)}, got ${v}`);
  }
  const lowOk = p.min === undefined || (p.minExclusive ? v > p.min : v >= p.min);
  const highOk = p.max === undefined || v <= p.max;
  if (!lowOk || !highOk)
    return fail(
      'range',
      path,
      `must be ${p.kind === 'number' ? 'a number' : 'an integer'} in ${describeRange(p)}, got ${v}`,
    );
  return ok(v);
}

/**
 * Validate a partial config (e.g. the `config` object of a learner file) and fill in defaults.
 * `path` prefixes field names in errors, e.g. "config".
 */
export function parseConfig(raw: unknown, path = 'config'): Result<VsmlConfig> {
  if (raw === undefined) return ok(DEFAULT_CONFIG);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('type', path, 'must be an object');
  const src = raw as Record<string, unknown>;
  const known = new Set<string>(CONFIG_PROPS.map((p) => p.name));
  for (const key of Object.keys(src)) {
    if (!known.has(key)) return fail('unknown', `${path}.${key}`, `unknown option (known: ${[...known].join(', ')})`);
  }
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const p of CONFIG_PROPS) {
    const v = src[p.name];
    if (v === undefined) continue;
    const field = `${path}.${p.name}`;
    if (p.kind === 'boolean') {
      if (typeof v !== 'boolean') return fail('type', field, `must be true or false, got ${show(v)}`);
      if (p.unsupportedWhen === v) return fail('unsupported', field, `${p.name}=${v} is not supported yet`);
      out[p.name] = v;
    } else if (p.kind === 'intList') {
      if (!Array.isArray(v)) return fail('type', field, `must be an array of integers, got ${show(v)}`);
      for (let i = 0; i < v.length; i++) {
        const r = checkNumber(p, v[i], `${field}[${i}]`);
        if (!r.ok) return r;
      }
      out[p.name] = Object.freeze([...(v as number[])]);
    } else {
      const r = checkNumber(p, v, field);
      if (!r.ok) return r;
      out[p.name] = r.value;
    }
  }
  const cfg = out as unknown as VsmlConfig;
  if (cfg.outputIndex >= cfg.messageSize) {
    return fail(
      'range',
      `${path}.outputIndex`,
      `must be below messageSize (${cfg.messageSize}), got ${cfg.outputIndex}`,
    );
  }
  return ok(Object.freeze(cfg));
}

/** Layer sizes [A, h1, ..., K]: layer l is a grid of sizes[l] x sizes[l+1] sub-RNNs. */
export function layerSizes(cfg: VsmlConfig, inputSize: number, numClasses: number): number[] {
  return [inputSize, ...cfg.hiddenSizes, numClasses];
}

/** Number of cell dimensions drawn at random in the initial state: floor(p * N). */
export const randomCellDims = (cfg: VsmlConfig): number => Math.floor(cfg.initRandProportion * cfg.stateSize);
