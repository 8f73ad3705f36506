import { describe, expect, it } from 'vitest';
import {
  f32ToJson,
  parseJsonText,
  parseWith,
  readF32,
  readF32Matrix,
  readInt,
  stringifyDoc,
} from '../../src/model/formats/json';
import { Rng } from '../../src/model/rng';
import { line } from './helpers';

describe('f32ToJson', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(f32ToJson(Math.fround(0.1))).toBe(0.1);
    expect(f32ToJson(Math.fround(1 / 3))).toBe(0.33333334);
    expect(f32ToJson(0)).toBe(0);
    expect(f32ToJson(-2.5)).toBe(-2.5);
  });

  it('round-trips 10000 seeded float32 values exactly (seed 5)', () => {
    const rng = new Rng(5);
    for (let k = 0; k < 10000; k++) {
      const x = Math.fround(rng.normal() * 10 ** rng.int(20) * 10 ** -rng.int(20));
      const back = JSON.parse(JSON.stringify(f32ToJson(x))) as number;
      expect(Math.fround(back)).toBe(x);
    }
  });

  it('writes non-finite values as null (which every reader rejects)', () => {
    expect(f32ToJson(NaN)).toBeNull();
    expect(f32ToJson(Infinity)).toBeNull();
  });
});

describe('parseJsonText', () => {
  it('reports a syntax error as "invalid JSON: ..." with no field', () => {
    const r = parseJsonText('{"a": 1,}');
    expect(r.ok).toBe(false);
    expect(line(r)).toMatch(/^invalid JSON: /);
  });
});

describe('readers', () => {
  it('readF32 names the path and the bad value', () => {
    expect(line(parseWith(() => readF32(null, 'x[2]')))).toBe('x[2]: must be a finite number, got null');
    expect(line(parseWith(() => readF32('NaN', 'x')))).toBe('x: must be a finite number, got "NaN"');
    expect(line(parseWith(() => readF32(1e39, 'x')))).toBe(
      'x: must be within the float32 range ±3.4028235e38, got 1e+39',
    );
  });

  it('readF32Matrix checks rows, then each row, then each value', () => {
    const out = new Float32Array(4);
    expect(line(parseWith(() => readF32Matrix([[1, 2]], 'm', 2, 2, out)))).toBe('m: expected 2 rows, got 1');
    expect(line(parseWith(() => readF32Matrix([[1, 2], [3]], 'm', 2, 2, out)))).toBe('m[1]: expected 2 numbers, got 1');
    expect(
      line(
        parseWith(() =>
          readF32Matrix(
            [
              [1, 2],
              [3, true],
            ],
            'm',
            2,
            2,
            out,
          ),
        ),
      ),
    ).toBe('m[1][1]: must be a finite number, got true');
    expect(line(parseWith(() => readF32Matrix({}, 'm', 2, 2, out)))).toBe('m: must be an array, got an object');
    expect(
      parseWith(() =>
        readF32Matrix(
          [
            [1, 2],
            [3, 4],
          ],
          'm',
          2,
          2,
          out,
        ),
      ).ok,
    ).toBe(true);
    expect([...out]).toEqual([1, 2, 3, 4]);
  });

  it('readInt rejects fractions and values out of range', () => {
    expect(line(parseWith(() => readInt(1.5, 'k', 0, 3)))).toBe('k: must be an integer in [0, 3], got 1.5');
    expect(line(parseWith(() => readInt(4, 'k', 0, 3)))).toBe('k: must be an integer in [0, 3], got 4');
  });
});

describe('stringifyDoc', () => {
  it('puts plain arrays on one line and nested arrays one row per line', () => {
    expect(stringifyDoc({ a: 1, v: [1, 2], m: [[1], [2]] })).toBe(
      '{\n  "a": 1,\n  "v": [1,2],\n  "m": [\n    [1],\n    [2]\n  ]\n}',
    );
  });
});
