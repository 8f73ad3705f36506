import { describe, expect, it } from 'vitest';
import { bytesToF32, decodeBase64, encodeBase64, f32ToBase64 } from '../../src/model/formats/base64';
import {
  learnedLearnerToJson,
  parseLearnedLearner,
  serialiseLearnedLearner,
  type LearnedLearner,
} from '../../src/model/formats/learnedLearner';
import { implementedLearnedKinds, learnedKindDef } from '../../src/model/learners/kinds';
import { PADDED_SHAPE } from '../../src/model/learners/learned';
import { specDefaults } from '../../src/model/learners/learnedSpec';
import { initMetaRnn } from '../../src/model/learners/metaRnnInit';
import { META_RNN_DEFAULTS, metaRnnLayout, type MetaRnnSpec } from '../../src/model/learners/metaRnnSpec';
import { clone, expectOk, learnerDoc, type Doc } from './helpers';

const SHAPE = { inputSize: 5, numClasses: 4 };
const SPEC: MetaRnnSpec = { hidden: 3, microTicks: 3, tanhBound: 50 };

/** A small Meta RNN (A=5, K=4, H=3: lstmW 16 x 12, lstmB 1 x 12, readoutW 3 x 4, readoutB 1 x 4; 220 numbers) from seed 2. */
const small = (): LearnedLearner => ({
  kind: 'meta-rnn',
  shape: SHAPE,
  spec: SPEC,
  params: initMetaRnn(SHAPE, 2, SPEC),
});
const smallDoc = (): Doc => clone(learnedLearnerToJson(small()));
const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);

describe('base64', () => {
  it('encodes as Node does and decodes back, for 0..40 bytes', () => {
    for (let n = 0; n <= 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 255);
      const s = encodeBase64(b);
      expect(s).toBe(Buffer.from(b).toString('base64'));
      expect(expectOk(decodeBase64(s))).toEqual(b);
    }
  });

  it('float32 little-endian: 1 is AACAPw==, and -0, a subnormal and the largest float32 come back bit for bit', () => {
    expect(f32ToBase64([1])).toBe('AACAPw==');
    const a = Float32Array.from([-0, 1e-40, 3.4028234663852886e38, -1.5]);
    const back = new Float32Array(4);
    bytesToF32(expectOk(decodeBase64(f32ToBase64(a))), back);
    expect(bits(back)).toEqual(bits(a));
  });

  it('names a bad character and a bad length', () => {
    expect(decodeBase64('AA*A')).toEqual({
      ok: false,
      error: { code: 'base64', field: '', message: 'character 2 ("*") is not base64' },
    });
    expect(decodeBase64('AAA')).toEqual({
      ok: false,
      error: { code: 'base64', field: '', message: 'base64 length 3 is not a multiple of 4' },
    });
    expect(decodeBase64('A=AA').ok).toBe(false);
  });
});

describe('parseLearnedLearner', () => {
  it('round-trips a small meta-rnn (seed 2, H=3, 3 micro-ticks) through JSON text to identical float32 bits', () => {
    const l = small();
    l.params[0] = -0;
    l.params[1] = 1e-40;
    const back = expectOk(parseLearnedLearner(JSON.parse(serialiseLearnedLearner(l)), 'meta-rnn'));
    expect(back.kind).toBe('meta-rnn');
    expect(back.shape).toEqual(SHAPE);
    expect(back.spec).toEqual(SPEC);
    expect(bits(back.params)).toEqual(bits(l.params));
  });

  it('round-trips the padded meta-rnn (538,942 parameters, seed 22) and writes the four blocks with their sizes', () => {
    const l: LearnedLearner = {
      kind: 'meta-rnn',
      shape: PADDED_SHAPE,
      spec: META_RNN_DEFAULTS,
      params: initMetaRnn(PADDED_SHAPE, 22),
    };
    const text = serialiseLearnedLearner(l);
    const doc = JSON.parse(text) as Doc;
    expect(Object.entries(doc.params as Record<string, Doc>).map(([k, b]) => [k, b.rows, b.cols])).toEqual([
      ['lstmW', 1036, 512],
      ['lstmB', 1, 512],
      ['readoutW', 128, 62],
      ['readoutB', 1, 62],
    ]);
    expect(doc.spec).toEqual({ hidden: 128, microTicks: 2, tanhBound: 100 });
    const back = expectOk(parseLearnedLearner(doc));
    expect(back.params.length).toBe(538_942);
    const a = bits(back.params);
    const b = bits(l.params);
    expect(a.every((v, i) => v === b[i])).toBe(true);
  });

  it('round-trips every implemented kind at its default spec (A=5, K=4, init seed 3) and refuses it under another kind', () => {
    const kinds = implementedLearnedKinds();
    expect(kinds).toContain('meta-rnn');
    for (const kind of kinds) {
      const def = expectOk(learnedKindDef(kind));
      const l: LearnedLearner = { kind, shape: SHAPE, spec: specDefaults(def.specProps), params: def.init(SHAPE, 3) };
      const doc = JSON.parse(serialiseLearnedLearner(l)) as Doc;
      expect(doc.format).toBe(def.format);
      const back = expectOk(parseLearnedLearner(doc, kind));
      expect([back.kind, back.spec]).toEqual([kind, l.spec]);
      expect(bits(back.params)).toEqual(bits(l.params));
      const other = kinds.find((k) => k !== kind);
      if (other) expect(parseLearnedLearner(doc, other).ok).toBe(false);
    }
  });

  it('fills a partial spec with the defaults and takes the kind from the format when none is expected', () => {
    const shape = { inputSize: 3, numClasses: 2 };
    const params = initMetaRnn(shape, 1, { ...META_RNN_DEFAULTS, hidden: 4 });
    const doc = clone(learnedLearnerToJson({ kind: 'meta-rnn', shape, spec: { hidden: 4 }, params }));
    expect(doc.spec).toEqual({ hidden: 4, microTicks: 2, tanhBound: 100 });
    doc.spec = { hidden: 4 };
    const back = expectOk(parseLearnedLearner(doc));
    expect(back.spec).toEqual({ hidden: 4, microTicks: 2, tanhBound: 100 });
    expect(back.params.length).toBe(metaRnnLayout(shape, { ...META_RNN_DEFAULTS, hidden: 4 }).size);
  });

  it('names the kinds when a VSML learner file is given where a meta-rnn is expected', () => {
    expect(parseLearnedLearner(learnerDoc(), 'meta-rnn')).toEqual({
      ok: false,
      error: {
        code: 'format',
        field: 'format',
        message: 'expected "vsml-meta-rnn" (a meta-rnn learner), got "vsml-learner" (a VSML learner)',
      },
    });
    expect(parseLearnedLearner(learnerDoc())).toEqual({
      ok: false,
      error: {
        code: 'format',
        field: 'format',
        message:
          'expected one of "vsml-meta-rnn", "vsml-hebbian", "vsml-fw-memory" (a learned learner), got "vsml-learner" (a VSML learner)',
      },
    });
  });

  const nanAt = (d: Doc, i: number, v: number) => {
    const a = new Float32Array(12);
    a[i] = v;
    d.params.lstmB.f32 = f32ToBase64(a);
  };

  it.each<[string, (d: Doc) => unknown, string]>([
    [
      'a hebbian file where a meta-rnn is expected',
      (d) => (d.format = 'vsml-hebbian'),
      'format: expected "vsml-meta-rnn" (a meta-rnn learner), got "vsml-hebbian" (a hebbian learner)',
    ],
    [
      'a state file',
      (d) => (d.format = 'vsml-state'),
      'format: expected "vsml-meta-rnn" (a meta-rnn learner), got "vsml-state"',
    ],
    ['no format', (d) => delete d.format, 'format: missing (expected "vsml-meta-rnn" (a meta-rnn learner))'],
    ['version 2', (d) => (d.version = 2), 'version: unsupported version 2 (supported: 1)'],
    [
      'an unknown top-level field',
      (d) => (d.parms = {}),
      'parms: unknown field (known: format, version, shape, spec, params)',
    ],
    ['a missing shape', (d) => delete d.shape, 'shape: missing'],
    ['inputSize 0', (d) => (d.shape.inputSize = 0), 'shape.inputSize: must be an integer in [1, 1048576], got 0'],
    [
      'an unknown spec field',
      (d) => (d.spec.hiden = 3),
      'spec.hiden: unknown field (known: hidden, microTicks, tanhBound)',
    ],
    ['hidden 2.5', (d) => (d.spec.hidden = 2.5), 'spec.hidden: must be an integer in [1, 4096], got 2.5'],
    ['tanhBound 0', (d) => (d.spec.tanhBound = 0), 'spec.tanhBound: must be a number in [1, 1000000], got 0'],
    ['a missing block', (d) => delete d.params.readoutB, 'params.readoutB: missing'],
    [
      'an extra block',
      (d) => (d.params.extra = {}),
      'params.extra: unknown field (known: lstmW, lstmB, readoutW, readoutB)',
    ],
    [
      'rows off by one',
      (d) => (d.params.lstmW.rows = 15),
      'params.lstmW.rows: expected 16 (lstmW is 16 x 12 for this shape and spec), got 15',
    ],
    [
      'a spec the blocks do not fit',
      (d) => (d.spec.hidden = 4),
      'params.lstmW.rows: expected 17 (lstmW is 17 x 16 for this shape and spec), got 16',
    ],
    [
      'a shape the blocks do not fit',
      (d) => (d.shape.numClasses = 5),
      'params.lstmW.rows: expected 18 (lstmW is 18 x 12 for this shape and spec), got 16',
    ],
    [
      'cols as a string',
      (d) => (d.params.readoutW.cols = '4'),
      'params.readoutW.cols: expected 4 (readoutW is 3 x 4 for this shape and spec), got "4"',
    ],
    [
      'f32 as an array',
      (d) => (d.params.lstmB.f32 = [0]),
      'params.lstmB.f32: must be a base64 string, got an array of 1',
    ],
    [
      'f32 with a bad character',
      (d) => (d.params.lstmB.f32 = `!${d.params.lstmB.f32.slice(1)}`),
      'params.lstmB.f32: character 0 ("!") is not base64',
    ],
    [
      'f32 one float short',
      (d) => (d.params.lstmB.f32 = f32ToBase64(new Float32Array(11))),
      'params.lstmB.f32: expected 48 bytes (1 x 12 float32), got 44',
    ],
    ['NaN in a block', (d) => nanAt(d, 7, NaN), 'params.lstmB.f32[7]: must be finite, got NaN (row 0, col 7)'],
    [
      'Infinity in a block',
      (d) => nanAt(d, 11, -Infinity),
      'params.lstmB.f32[11]: must be finite, got -Infinity (row 0, col 11)',
    ],
  ])('refuses %s', (_name, mutate, message) => {
    const d = smallDoc();
    mutate(d);
    const r = parseLearnedLearner(d, 'meta-rnn');
    expect(r.ok ? 'parsed' : `${r.error.field}: ${r.error.message}`).toBe(message);
  });

  it('names the row and column of a non-finite weight in a matrix block', () => {
    const d = smallDoc();
    const l = small();
    l.params[1 * 12 + 5] = NaN; // lstmW row 1, col 5
    d.params.lstmW.f32 = f32ToBase64(l.params, 0, 16 * 12);
    const r = parseLearnedLearner(d, 'meta-rnn');
    expect(!r.ok && `${r.error.field}: ${r.error.message}`).toBe(
      'params.lstmW.f32[17]: must be finite, got NaN (row 1, col 5)',
    );
  });

  it('learnedLearnerToJson refuses params of the wrong length', () => {
    expect(() => learnedLearnerToJson({ ...small(), params: new Float32Array(3) })).toThrow(
      'meta-rnn: params: expected 220 values, got 3',
    );
  });
});
