import { describe, expect, it } from 'vitest';
import {
  classesFromText,
  classesToText,
  classSubsetsFromText,
  classSubsetsToText,
  docFromJson,
  getAt,
  numberFromText,
  parsePath,
  projectFlags,
  projectFromFlags,
  setAt,
  sideFromText,
  sidesFromText,
  sidesToText,
  sideToText,
  valueToText,
} from '../../../src/ui/trainer/configDoc';

describe('paths', () => {
  it('parsePath reads keys and indices as check() writes them', () => {
    expect(parsePath('pairs')).toEqual(['pairs']);
    expect(parsePath('tasks.classes[0][1]')).toEqual(['tasks', 'classes', 0, 1]);
    expect(parsePath('evaluation.datasets[1].dataset.files.images')).toEqual([
      'evaluation',
      'datasets',
      1,
      'dataset',
      'files',
      'images',
    ]);
    expect(() => parsePath('a[x]')).toThrow('bad path');
  });

  const doc = {
    pairs: 8,
    tasks: { resize: [7], classes: [[0, 1, 2]] },
    evaluation: { datasets: [{ dataset: 'mnist' }] },
  };

  it('getAt reads a value, undefined where a step is missing', () => {
    expect(getAt(doc, 'tasks.classes[0][2]')).toBe(2);
    expect(getAt(doc, 'evaluation.datasets[0].dataset')).toBe('mnist');
    expect(getAt(doc, 'tasks.nothing.deeper')).toBeUndefined();
    expect(getAt(doc, 'pairs.x')).toBeUndefined();
  });

  it('setAt copies along the path and leaves the input untouched', () => {
    const next = setAt(doc, 'tasks.classes[0][1]', 5);
    expect(getAt(next, 'tasks.classes')).toEqual([[0, 5, 2]]);
    expect(doc.tasks.classes).toEqual([[0, 1, 2]]);
    expect(next.evaluation).toBe(doc.evaluation);
    expect(next.tasks).not.toBe(doc.tasks);
  });

  it('setAt creates missing objects and arrays, and undefined removes a key', () => {
    expect(setAt({}, 'evaluation.datasets[0].resize', 7)).toEqual({ evaluation: { datasets: [{ resize: 7 }] } });
    const removed = setAt(doc, 'evaluation.datasets[0].dataset', undefined);
    expect(getAt(removed, 'evaluation.datasets[0]')).toEqual({});
  });
});

describe('text to values (lenient: check() judges)', () => {
  it('numberFromText reads numbers and keeps anything else as trimmed text', () => {
    expect(numberFromText(' 0.05 ')).toBe(0.05);
    expect(numberFromText('1e-3')).toBe(0.001);
    expect(numberFromText('-3')).toBe(-3);
    expect(numberFromText('.5')).toBe(0.5);
    expect(numberFromText('')).toBe('');
    expect(numberFromText('abc')).toBe('abc');
    expect(numberFromText('12px')).toBe('12px');
    expect(numberFromText('Infinity')).toBe('Infinity');
  });
  it('valueToText writes scalars as they are and the rest as JSON', () => {
    expect(valueToText(8)).toBe('8');
    expect(valueToText('es')).toBe('es');
    expect(valueToText(undefined)).toBe('');
    expect(valueToText(null)).toBe('null');
    expect(valueToText([1, 2])).toBe('[1,2]');
  });
  it('resize sides round-trip with "none" for the dataset\'s own size', () => {
    expect(sidesToText([null, 14, 32])).toBe('none, 14, 32');
    expect(sidesFromText('none, 14 32')).toEqual([null, 14, 32]);
    expect(sidesFromText('7, x')).toEqual([7, 'x']);
    expect(sidesFromText('  ')).toEqual([]);
    expect(sideToText(null)).toBe('');
    expect(sideToText(7)).toBe('7');
    expect(sideFromText('')).toBeNull();
    expect(sideFromText('none')).toBeNull();
    expect(sideFromText('14')).toBe(14);
  });
  it('class lists: blank or "all" is every class', () => {
    expect(classesToText([0, 1, 2])).toBe('0,1,2');
    expect(classesToText(null)).toBe('');
    expect(classesFromText('0, 1 2')).toEqual([0, 1, 2]);
    expect(classesFromText('all')).toBeNull();
    expect(classesFromText('0,a')).toEqual([0, 'a']);
  });
  it('class subsets are lists separated by ";"', () => {
    expect(classSubsetsToText([[0, 1, 2], null, [3, 4]])).toBe('0,1,2; all; 3,4');
    expect(classSubsetsFromText('0,1,2; all; 3,4')).toEqual([[0, 1, 2], null, [3, 4]]);
    expect(classSubsetsFromText('')).toEqual([null]);
  });
  it('the projection axis as two switches, raw first', () => {
    expect(projectFlags([false, true])).toEqual({ raw: true, projected: true });
    expect(projectFlags([true])).toEqual({ raw: false, projected: true });
    expect(projectFlags('x')).toEqual({ raw: false, projected: false });
    expect(projectFromFlags(true, true)).toEqual([false, true]);
    expect(projectFromFlags(false, true)).toEqual([true]);
    expect(projectFromFlags(false, false)).toEqual([]);
  });
});

describe('docFromJson', () => {
  it('accepts a JSON object and names what is wrong with anything else', () => {
    expect(docFromJson('{"pairs": 4}')).toEqual({ ok: true, doc: { pairs: 4 } });
    const bad = docFromJson('{"pairs": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^not JSON: /);
    expect(docFromJson('[1]')).toEqual({
      ok: false,
      message: 'must be a JSON object ({"format": "vsml-meta-config", ...})',
    });
    expect(docFromJson('null').ok).toBe(false);
  });
});
