// The seven stages of "explain this step", in the order one example flows through the grid: what
// each is called, the paper's equations beside it (equation.ts notation) and a caption in plain words
// that quotes the explanation's own numbers. Pure (no DOM).
import type { Explanation } from '../../model/explainTypes';
import { fixed } from './explainNumbers';

export type StageId = 'input' | 'forward' | 'grid' | 'output' | 'error' | 'backward' | 'change';

export interface CaptionContext {
  readonly ex: Explanation;
  readonly classNames: readonly string[];
  /** The layer the grid stages show. */
  readonly layer: number;
}

export interface Stage {
  readonly id: StageId;
  /** A few words for the stepper. */
  readonly short: string;
  readonly title: string;
  /** The paper's equations for this stage, in equation.ts notation. */
  readonly equations: readonly string[];
  caption(c: CaptionContext): string;
}

const name = (names: readonly string[], k: number): string => names[k] ?? String(k);
const p = (v: number): string => v.toFixed(3);
const layerWords = (c: CaptionContext): string =>
  c.ex.layers.length > 1 ? `layer ${c.layer + 1} of ${c.ex.layers.length}` : 'the grid';

export const STAGES: readonly Stage[] = [
  {
    id: 'input',
    short: 'Input',
    title: 'The input pixels',
    equations: ['x = normalise(image) ∈ ℝ^A'],
    caption: ({ ex, classNames }) =>
      `Example ${ex.example + 1} of run 0, a "${name(classNames, ex.label)}" (the learner does not see the label yet). ` +
      `Its ${ex.input.length} numbers x_a are the pixels after the same normalisation and transforms the stream uses; ` +
      `pixel a goes to row a of the grid.`,
  },
  {
    id: 'forward',
    short: 'Messages in',
    title: 'The messages into the grid',
    equations: ['fwd_a = [x_a, 0, …, 0] ∈ ℝ^M', 'bwd_b = [e_b, 0, …, 0] (the last example’s error)'],
    caption: (c) =>
      (c.layer === 0
        ? `Every cell in row a reads the same forward message: pixel x_a in its first dimension and ${c.ex.messageSize - 1} zeros. `
        : `Every cell in row a reads the forward message the layer below sent out for its unit a (${c.ex.messageSize} numbers). `) +
      `Every cell in column b also reads a backward message: for the last layer, the error of the previous example for class b. ` +
      `These two messages are all a cell ever learns from.`,
  },
  {
    id: 'grid',
    short: 'Sub-RNNs',
    title: 'The grid of sub-RNNs',
    equations: [
      'z = [fwd_a; bwd_b; h_{ab}] W + b',
      'i = σ(z_i − 5), f = σ(z_f + 5), o = σ(z_o), g = tanh(z_g)',
      'c′ = f ⊙ c + i ⊙ g,  h′ = o ⊙ tanh(c′)',
    ],
    caption: (c) => {
      const L = c.ex.layers[c.layer];
      return (
        `${c.ex.layers.length > 1 ? `Layer ${c.layer + 1}` : 'The grid'} has ${L.A} × ${L.B} = ${(L.A * L.B).toLocaleString('en')} tiny LSTMs, one per weight, ` +
        `all with the same parameters. Each runs ${c.ex.microTicks} micro-ticks on its two messages: the gates decide how much of its ` +
        `cell state c (${c.ex.stateSize} numbers, the "weight") to keep (f), how much new (i · g) to write, and what to show (o). Pick a cell to see its numbers.`
      );
    },
  },
  {
    id: 'output',
    short: 'Output',
    title: 'The output messages and the prediction',
    equations: ['m_b = 1/A Σ_a (W_f h_{ab} + b_f)', 'y_b = 100·tanh(m_b/100)', 'p = softmax(y)'],
    caption: ({ ex, classNames }) => {
      const right = ex.predicted === ex.label;
      return (
        `Each column b averages its cells' forward messages; dimension ${ex.outputIndex} of that average is the score m_b of class b. ` +
        `Bounded by 100·tanh and turned into probabilities, it predicts "${name(classNames, ex.predicted)}" with p ${p(ex.probabilities[ex.predicted])}` +
        ` — ${right ? 'right' : `wrong: the label is "${name(classNames, ex.label)}" (p ${p(ex.probabilities[ex.label])})`}. The prediction is made before the label is seen.`
      );
    },
  },
  {
    id: 'error',
    short: 'Error',
    title: 'The error',
    equations: ['e = softmax(y) − onehot(label)', 'loss = −log p_{label}'],
    caption: ({ ex, classNames }) =>
      `Now the label "${name(classNames, ex.label)}" is revealed. The error is the probabilities minus the one-hot label: ` +
      `${fixed(ex.error[ex.label], 3)} for the true class (negative: "more of this"), and p_k for every other class k. Loss ${ex.loss.toFixed(4)}. ` +
      `No gradient is computed: this vector is all the learner gets.`,
  },
  {
    id: 'backward',
    short: 'Fed back',
    title: 'The error enters as a backward message',
    equations: ['bwd_b ← [e_b, 0, …, 0]', 'below: bwd^{(l)}_b ← 1/B Σ_{b′} (W_b h^{(l+1)}_{b b′} + b_b)'],
    caption: (c) =>
      c.ex.reverseTick
        ? `This learner runs a reverse tick right after its prediction (backwardPass): with the same image, the cells of the last layer read e_b in the first dimension of their backward message, ` +
          `and each layer passes its own averaged backward message down to the one below, within this example. The error still reaches the "weights" as an input, not as a gradient.`
        : c.layer === c.ex.layers.length - 1
          ? `At the next example, every cell in column b reads e_b in the first dimension of its backward message, beside the next image's forward message. ` +
            `That is how the error reaches the "weights": as an input, not as a gradient.`
          : `At the next example, the cells of layer ${c.layer + 1} in column b read the mean backward message that row b of layer ${c.layer + 2} sent: ` +
            `the error, passed down by the sub-RNNs themselves.`,
  },
  {
    id: 'change',
    short: 'States changed',
    title: 'The states changed: this is the learning',
    equations: ['Δc = c′ − c', 'Δh = h′ − h'],
    caption: (c) => {
      const L = c.ex.layers[c.layer];
      return (
        `Every cell's state moved a little during this example (Δ). The states play the role of the weights, so this change is the learning step; ` +
        `here ${layerWords(c)} of ${L.A} × ${L.B} cells. What the cells write was found by meta-training: no gradient, no optimiser at test time.`
      );
    },
  },
];

export const stageIndex = (id: StageId): number => STAGES.findIndex((s) => s.id === id);
