// jsonNestsDeeperThan: one scan of the text, strings skipped.
import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from '../../src/model/formats/jsonDepth';

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects: "[[1]]" is 2 levels, {"a":{"b":[]}} is 3', () => {
    expect(jsonNestsDeeperThan('[[1]]', 2)).toBe(false);
    expect(jsonNestsDeeperThan('[[1]]', 1)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":{"b":[]}}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":{"b":[]}}', 2)).toBe(true);
    expect(jsonNestsDeeperThan('1', 0)).toBe(false);
  });
  it('skips brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan('["[[[[", "\\\\", "\\"[[[["]', 1)).toBe(false);
    expect(jsonNestsDeeperThan('{"k\\"{{": [1]}', 2)).toBe(false);
  });
  it('5,000 levels are deeper than 64; siblings do not add up', () => {
    expect(jsonNestsDeeperThan('['.repeat(5000) + ']'.repeat(5000), 64)).toBe(true);
    expect(jsonNestsDeeperThan('[' + '[],'.repeat(5000) + '[]]', 2)).toBe(false);
  });
});
