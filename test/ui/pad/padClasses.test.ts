// padClassName / padClassNames / renameClass: the user's names over the task's, blank names back to
// the task's, and refusals that name the field.
import { describe, expect, it } from 'vitest';
import { MAX_NAME, padClassName, padClassNames, renameClass } from '../../../src/ui/pad/padClasses';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

describe('padClassName', () => {
  it('shows the user name for a renamed class, the task name otherwise, and "class k" past the task names', () => {
    expect(padClassName(9, DIGITS, { 9: 'star' })).toBe('star');
    expect(padClassName(3, DIGITS, { 9: 'star' })).toBe('3');
    expect(padClassName(2, [], {})).toBe('class 2');
    expect(padClassNames(4, ['a', 'b', 'c', 'd'], { 1: 'house' })).toEqual(['a', 'house', 'c', 'd']);
  });
});

describe('renameClass', () => {
  it('renames class 9 to "star" (trimmed, inner spaces collapsed) and a blank name gives the task name back', () => {
    const named = renameClass({}, 9, '  big   star ', 10);
    expect(named).toEqual({ ok: true, names: { 9: 'big star' } });
    const back = renameClass({ 9: 'big star', 1: 'house' }, 9, '   ', 10);
    expect(back).toEqual({ ok: true, names: { 1: 'house' } });
  });
  it('refuses a class outside the task and a name that is too long', () => {
    expect(renameClass({}, 10, 'x', 10)).toEqual({
      ok: false,
      message: "class: must be one of the task's 10 classes (0 to 9), got 10",
    });
    expect(renameClass({}, 0, 'x'.repeat(MAX_NAME + 1), 10)).toEqual({
      ok: false,
      message: `name: at most ${MAX_NAME} characters, got ${MAX_NAME + 1}`,
    });
  });
});
