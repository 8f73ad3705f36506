// A worker's answer (src/meta/queue/esResult.ts): the fitness as float64 bytes in base64, every bit
// kept (NaN, -0, Infinity, subnormal-adjacent values), and each bad field named.
import { describe, expect, it } from 'vitest';
import { esResultToJson, parseEsResult, type EsResult } from '../../../src/meta/queue/esResult';

const RUN = 'ab'.repeat(32);
const THETA = 'cd'.repeat(32);

const result = (plus: number[], minus: number[], from = 4): EsResult => ({
  run: RUN,
  step: 2,
  theta: THETA,
  from,
  to: from + plus.length,
  plus: Float64Array.from(plus),
  minus: Float64Array.from(minus),
  digest: RUN,
  worker: { id: 'host-a:1234', engine: 'cpu: fast CPU engine (WebAssembly SIMD)' },
  seconds: 1.25,
});

const bytesOf = (a: Float64Array): number[] => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

const refusal = (r: EsResult, changes: Record<string, unknown>): string => {
  const p = parseEsResult({ ...esResultToJson(r), ...changes });
  return p.ok ? 'ok' : `${p.error.field}: ${p.error.message}`;
};

describe('parseEsResult', () => {
  it('round trip through JSON text keeps every float64 bit: NaN, -0, Infinity, 1e-300, 5e-324', () => {
    const r = result([NaN, -0, Infinity, 1e-300], [-Infinity, 0.1 + 0.2, 5e-324, -1.7976931348623157e308]);
    const p = parseEsResult(JSON.parse(JSON.stringify(esResultToJson(r))));
    if (!p.ok) throw new Error(p.error.message);
    expect(bytesOf(p.value.plus)).toEqual(bytesOf(r.plus));
    expect(bytesOf(p.value.minus)).toEqual(bytesOf(r.minus));
    expect(Object.is(p.value.plus[1], -0)).toBe(true);
    expect(Number.isNaN(p.value.plus[0])).toBe(true);
    expect(Array.from(p.value.minus)).toEqual([-Infinity, 0.30000000000000004, 5e-324, -1.7976931348623157e308]);
    expect({ ...p.value, plus: null, minus: null }).toEqual({ ...r, plus: null, minus: null });
  });

  it('a NaN with a payload keeps its payload', () => {
    const r = result([0], [0]);
    new DataView(r.plus.buffer).setBigUint64(0, 0x7ff8_0000_dead_beefn, true);
    const p = parseEsResult(esResultToJson(r));
    if (!p.ok) throw new Error(p.error.message);
    expect(new DataView(p.value.plus.buffer).getBigUint64(0, true)).toBe(0x7ff8_0000_dead_beefn);
  });

  it('plus is 24 bytes of little-endian float64 in base64', () => {
    const json = esResultToJson(result([1, 2, 3], [0, 0, 0]));
    expect(json.plus).toBe('AAAAAAAA8D8AAAAAAAAAQAAAAAAAAAhA');
    expect(json.minus).toBe('A'.repeat(32));
  });

  it('names the field: plus or minus of the wrong byte count', () => {
    const r = result([1, 2, 3], [4, 5, 6]);
    const two = esResultToJson(result([1, 2], [1, 2]));
    expect(refusal(r, { plus: two.plus })).toBe('plus: expected 3 float64 values (24 bytes), got 16 bytes');
    expect(refusal(r, { minus: 'AAAA' })).toBe('minus: expected 3 float64 values (24 bytes), got 3 bytes');
    expect(refusal(r, { to: 8 })).toBe('plus: expected 4 float64 values (32 bytes), got 24 bytes');
  });

  it('names the field: bad base64 or not text', () => {
    const r = result([1], [2]);
    expect(refusal(r, { plus: 'AAAAAAAAAA!=' })).toBe('plus: character 10 ("!") is not base64');
    expect(refusal(r, { minus: 'AAAAA' })).toBe('minus: base64 length 5 is not a multiple of 4');
    expect(refusal(r, { plus: [1] })).toBe('plus: must be base64 text of 1 float64 values, got an array of 1');
  });

  it('names the field: worker.id empty or longer than 200 characters; worker.engine; an extra worker key', () => {
    const r = result([1], [2]);
    expect(refusal(r, { worker: { id: 'x'.repeat(201), engine: 'cpu' } })).toBe(
      `worker.id: must be text of 1..200 characters, got "${'x'.repeat(36)}...`,
    );
    expect(refusal(r, { worker: { id: 'x'.repeat(200), engine: 'cpu' } })).toBe('ok');
    expect(refusal(r, { worker: { id: '', engine: 'cpu' } })).toBe(
      'worker.id: must be text of 1..200 characters, got ""',
    );
    expect(refusal(r, { worker: { id: 'w', engine: 3 } })).toBe(
      'worker.engine: must be text of 1..200 characters, got 3',
    );
    expect(refusal(r, { worker: { id: 'w', engine: 'cpu', pid: 1 } })).toBe(
      'worker.pid: unknown field (known: id, engine)',
    );
    expect(refusal(r, { worker: 'w' })).toBe('worker: must be an object, got "w"');
  });

  it('names the field: seconds negative or not finite', () => {
    const r = result([1], [2]);
    expect(refusal(r, { seconds: -0.5 })).toBe('seconds: must be a number >= 0, got -0.5');
    expect(refusal(r, { seconds: '1' })).toBe('seconds: must be a number >= 0, got "1"');
    expect(refusal(r, { seconds: Infinity })).toBe(
      'seconds: must be a number >= 0, got Infinity (beyond the float64 range ±1.8e308)',
    );
    expect(refusal(r, { seconds: 0 })).toBe('ok');
  });

  it('names the field: format, version, digest, an extra key', () => {
    const r = result([1], [2]);
    expect(refusal(r, { format: 'vsml-es-job' })).toBe('format: expected "vsml-es-result", got "vsml-es-job"');
    expect(refusal(r, { version: 0 })).toBe('version: expected 1, got 0');
    expect(refusal(r, { digest: 'ab' })).toBe('digest: must be 64 lowercase hex digits (a SHA-256), got "ab"');
    expect(refusal(r, { extra: true })).toBe(
      'extra: unknown field (known: format, version, run, step, theta, from, to, plus, minus, digest, worker, seconds)',
    );
  });
});
