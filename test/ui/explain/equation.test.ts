import { describe, expect, it } from 'vitest';
import { equationParts } from '../../../src/ui/explain/equation';

describe('equationParts', () => {
  it('splits y_b = 100·tanh(m_b/100) into text and one-letter subscripts', () => {
    expect(equationParts('y_b = 100·tanh(m_b/100)')).toEqual([
      { kind: 'text', text: 'y' },
      { kind: 'sub', text: 'b' },
      { kind: 'text', text: ' = 100·tanh(m' },
      { kind: 'sub', text: 'b' },
      { kind: 'text', text: '/100)' },
    ]);
  });

  it('takes a braced script whole and a run of letters and digits unbraced: h^{(l)}_{ab}, W_f h_ab1', () => {
    expect(equationParts('h^{(l)}_{a b}')).toEqual([
      { kind: 'text', text: 'h' },
      { kind: 'sup', text: '(l)' },
      { kind: 'sub', text: 'a b' },
    ]);
    expect(equationParts('W_f h_ab1+')).toEqual([
      { kind: 'text', text: 'W' },
      { kind: 'sub', text: 'f' },
      { kind: 'text', text: ' h' },
      { kind: 'sub', text: 'ab1' },
      { kind: 'text', text: '+' },
    ]);
  });

  it('leaves text without scripts as one run, and the empty string as none', () => {
    expect(equationParts('e = softmax(y) − onehot(label)')).toEqual([
      { kind: 'text', text: 'e = softmax(y) − onehot(label)' },
    ]);
    expect(equationParts('')).toEqual([]);
  });

  it('refuses a script with nothing after it, or an unclosed brace, naming the place', () => {
    expect(() => equationParts('x_ = 1')).toThrow('equation: nothing after "_" at 1 in "x_ = 1"');
    expect(() => equationParts('x^{2')).toThrow('equation: unclosed "{" after "^" at 1 in "x^{2"');
  });
});
