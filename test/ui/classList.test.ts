import { describe, expect, it } from 'vitest';
import { parseClassList } from '../../src/ui/state/classList';

describe('parseClassList', () => {
  it('reads commas or spaces; blank is every class', () => {
    expect(parseClassList('0,1, 2 3')).toEqual({ ok: true, classes: [0, 1, 2, 3] });
    expect(parseClassList('  ')).toEqual({ ok: true, classes: null });
  });

  it('names what is wrong', () => {
    expect(parseClassList('1,a')).toEqual({
      ok: false,
      message: 'classes: a comma-separated list of class indices, got "1,a"',
    });
    expect(parseClassList('2,2')).toEqual({ ok: false, message: 'classes: lists a class twice, got "2,2"' });
    expect(parseClassList('7')).toEqual({ ok: false, message: 'classes: needs at least 2 classes' });
  });
});
