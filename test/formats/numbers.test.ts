// Numbers a JSON file cannot hold as written: 1e400 (JSON.parse gives Infinity) and 1e39 (a double,
// but beyond float32). Every reader names the field and shows the value it got, the same way in
// learners, states, streams, meta configs and checkpoints (never "got null").
import { describe, expect, it } from 'vitest';
import { parseStream } from '../../src/data/streamFile';
import { parseCheckpoint } from '../../src/meta/checkpoint';
import { parseMetaConfig } from '../../src/meta/metaConfigParse';
import { parseJsonText } from '../../src/model/formats/json';
import { parseLearner } from '../../src/model/formats/learner';
import { parseState } from '../../src/model/formats/state';
import type { Result } from '../../src/model/result';
import { checkpointDoc } from '../meta/checkpointHelpers';
import { learnerDoc, line, smallConfig, stateDoc, streamDoc, type Doc } from './helpers';

/** A value no fixture holds: replaced in the JSON text by the literal under test. */
const MARK = 123456.5;

/** `doc` with the field `edit` sets to MARK written as `literal`, read back as JSON text. */
function withLiteral(doc: Doc, edit: (d: Doc) => void, literal: string): unknown {
  edit(doc);
  const text = JSON.stringify(doc);
  expect(text.split(String(MARK))).toHaveLength(2);
  const parsed = parseJsonText(text.replace(String(MARK), literal));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const cfg = smallConfig();
const shape = { shapes: [{ A: 3, B: 2 }], stateSize: cfg.stateSize };

type Case = [string, string, () => Doc, (d: Doc) => void, (raw: unknown) => Result<unknown>];

const CASES: Case[] = [
  ['a learner parameter', 'params.fwd.b[1]', () => learnerDoc(), (d) => (d.params.fwd.b[1] = MARK), parseLearner],
  ['a learner config number', 'config.tanhBound', () => learnerDoc(), (d) => (d.config.tanhBound = MARK), parseLearner],
  ['a state value', 'layers[0].h[4]', () => stateDoc(), (d) => (d.layers[0].h[4] = MARK), (r) => parseState(r, shape)],
  ['a stream input', 'inputs[2][1]', () => streamDoc(), (d) => (d.inputs[2][1] = MARK), parseStream],
  ['a stream label', 'labels[1]', () => streamDoc(), (d) => (d.labels[1] = MARK), parseStream],
  [
    'a meta config number',
    'sigma',
    () => ({ format: 'vsml-meta-config', version: 1 }),
    (d) => (d.sigma = MARK),
    parseMetaConfig,
  ],
  [
    'a meta config integer',
    'steps',
    () => ({ format: 'vsml-meta-config', version: 1 }),
    (d) => (d.steps = MARK),
    parseMetaConfig,
  ],
  ['a checkpoint moment', 'optimizer.m[3]', () => checkpointDoc(), (d) => (d.optimizer.m[3] = MARK), parseCheckpoint],
  [
    'a checkpoint parameter',
    'learner.params.lstm.w[0][1]',
    () => checkpointDoc(),
    (d) => (d.learner.params.lstm.w[0][1] = MARK),
    parseCheckpoint,
  ],
];

/** What each field says for 1e400 and -1e400 (Infinity once parsed) and for 1e39 (beyond float32). */
const EXPECTED: Record<string, { inf: string; negInf: string; f32: string }> = {
  'params.fwd.b[1]': {
    inf: 'must be a finite number, got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be a finite number, got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be within the float32 range ±3.4028235e38, got 1e+39',
  },
  'config.tanhBound': {
    inf: 'must be a finite number, got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be a finite number, got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be a number in (0, 1000000], got 1e+39',
  },
  'layers[0].h[4]': {
    inf: 'must be a finite number, got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be a finite number, got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be within the float32 range ±3.4028235e38, got 1e+39',
  },
  'inputs[2][1]': {
    inf: 'must be a finite number, got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be a finite number, got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be within the float32 range ±3.4028235e38, got 1e+39',
  },
  'labels[1]': {
    inf: 'must be an integer in [0, 1], got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be an integer in [0, 1], got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be an integer in [0, 1], got 1e+39',
  },
  sigma: {
    inf: 'must be a number in (0, 10], got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be a number in (0, 10], got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be a number in (0, 10], got 1e+39',
  },
  steps: {
    inf: 'must be an integer in [0, 10000000], got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be an integer in [0, 10000000], got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be an integer in [0, 10000000], got 1e+39',
  },
  'optimizer.m[3]': {
    inf: 'must be a finite number, got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be a finite number, got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'ok', // Adam's moments are float64: 1e39 is a valid moment
  },
  'learner.params.lstm.w[0][1]': {
    inf: 'must be a finite number, got Infinity (beyond the float64 range ±1.8e308)',
    negInf: 'must be a finite number, got -Infinity (beyond the float64 range ±1.8e308)',
    f32: 'must be within the float32 range ±3.4028235e38, got 1e+39',
  },
};

const expectedLine = (field: string, message: string): string => (message === 'ok' ? 'ok' : `${field}: ${message}`);

describe('numbers beyond float64 and float32 in every JSON input', () => {
  it.each(CASES)('%s (%s): 1e400, -1e400 and 1e39 name the field and the value', (_, field, doc, edit, parse) => {
    const e = EXPECTED[field];
    expect(line(parse(withLiteral(doc(), edit, '1e400')))).toBe(expectedLine(field, e.inf));
    expect(line(parse(withLiteral(doc(), edit, '-1e400')))).toBe(expectedLine(field, e.negInf));
    expect(line(parse(withLiteral(doc(), edit, '1e39')))).toBe(expectedLine(field, e.f32));
    // The largest float32 itself is fine where a float32 is read.
    if (e.f32 !== 'ok' && !/integer|in \(/.test(e.f32))
      expect(line(parse(withLiteral(doc(), edit, '3.4028234e38')))).toBe('ok');
  });
});
