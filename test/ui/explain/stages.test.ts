import { describe, expect, it } from 'vitest';
import { equationParts } from '../../../src/ui/explain/equation';
import { stageIndex, STAGES } from '../../../src/ui/explain/stages';
import { explained } from './explained';

const names = ['zero', 'one', 'two', 'three'];

describe('STAGES', () => {
  it('are the seven stages of one example, in the order it flows: input → messages → grid → output → error → fed back → change', () => {
    expect(STAGES.map((s) => s.id)).toEqual(['input', 'forward', 'grid', 'output', 'error', 'backward', 'change']);
    expect(stageIndex('error')).toBe(4);
  });

  it('every stage has at least one equation, each readable by the equation notation', () => {
    for (const s of STAGES) {
      expect(s.equations.length).toBeGreaterThan(0);
      for (const e of s.equations) expect(equationParts(e).length).toBeGreaterThan(0);
    }
    expect(STAGES[3].equations).toContain('y_b = 100·tanh(m_b/100)');
    expect(STAGES[4].equations).toContain('e = softmax(y) − onehot(label)');
  });

  it("captions quote the explanation's own numbers: example, label, prediction, p, error, grid size", () => {
    const { ex } = explained();
    const c = { ex, classNames: names, layer: 0 };
    const text = Object.fromEntries(STAGES.map((s) => [s.id, s.caption(c)]));
    expect(text.input).toContain(`Example 2 of run 0, a "one"`);
    expect(text.input).toContain('Its 5 numbers');
    expect(text.grid).toContain('Layer 1 has 5 × 3 = 15 tiny LSTMs');
    expect(text.grid).toContain('Each runs 2 micro-ticks');
    expect(text.output).toContain(
      `predicts "${names[ex.predicted]}" with p ${ex.probabilities[ex.predicted].toFixed(3)}`,
    );
    expect(text.error).toContain(`Loss ${ex.loss.toFixed(4)}`);
    expect(text.error).toContain(
      `${(ex.error[1] < 0 ? '−' : '') + Math.abs(ex.error[1]).toFixed(3)} for the true class`,
    );
    // A hidden layer's backward message comes from the layer above, the last layer's from the error.
    expect(text.backward).toContain('row b of layer 2');
    expect(STAGES[5].caption({ ...c, layer: 1 })).toContain('reads e_b');
  });

  it('with backwardPass, the fed-back stage says the error arrives at once, in the reverse tick', () => {
    const { ex } = explained(true);
    const text = STAGES[5].caption({ ex, classNames: names, layer: 1 });
    expect(text).toContain('reverse tick right after its prediction');
    expect(explained().ex.reverseTick).toBeNull();
  });
});
