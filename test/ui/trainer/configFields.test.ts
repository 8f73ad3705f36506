import { describe, expect, it } from 'vitest';
import { METHODS, OBJECTIVES } from '../../../src/meta/metaConfig';
import { FORM_FIELDS, formFieldOf, inputSizes } from '../../../src/ui/trainer/configFields';

describe('FORM_FIELDS', () => {
  it("covers the issue's settings, each key once", () => {
    const keys = FORM_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of [
      'pairs',
      'sigma',
      'learningRate',
      'trajectoryLength',
      'seed',
      'tasks.datasets',
      'tasks.project',
      'tasks.resize',
      'tasks.classes',
      'evaluation.datasets',
      'evaluation.every',
    ]) {
      expect(keys).toContain(k);
    }
  });

  it("offers exactly the config's methods and objectives, and finalSteps beside them", () => {
    const choices = (key: string) => FORM_FIELDS.find((f) => f.key === key)?.choices;
    expect(choices('method')).toEqual([...METHODS]);
    expect(choices('objective')).toEqual([...OBJECTIVES]);
    expect(formFieldOf('finalSteps')).toBe('finalSteps');
  });
});

describe('formFieldOf', () => {
  it('places a refusal at the field whose key is the longest prefix of its path', () => {
    expect(formFieldOf('pairs')).toBe('pairs');
    expect(formFieldOf('tasks.classes[0][1]')).toBe('tasks.classes');
    expect(formFieldOf('tasks.datasets[0].files.images')).toBe('tasks.datasets');
    expect(formFieldOf('evaluation.datasets[1]')).toBe('evaluation.datasets');
    expect(formFieldOf('evaluation.every')).toBe('evaluation.every');
    expect(formFieldOf('a.b', ['a', 'a.b'])).toBe('a.b');
  });
  it('is null for a path no field edits (shown at the JSON) and never matches a longer name', () => {
    expect(formFieldOf('model.stateSize')).toBeNull();
    expect(formFieldOf('')).toBeNull();
    expect(formFieldOf('pairsX')).toBeNull();
    expect(formFieldOf('stepsPerEval', ['steps'])).toBeNull();
  });
});

describe('inputSizes', () => {
  it("is side² per resize side, null for the dataset's own size; non-sides skipped", () => {
    expect(inputSizes([7, null, 14])).toEqual([49, null, 196]);
    expect(inputSizes([7, 'x', 0, 2.5])).toEqual([49]);
    expect(inputSizes('7')).toEqual([]);
  });
});
