// The About VSML page: the idea in plain words (the symbol after), the diagram, one example's way through
// the network, what meta-training is, the paper and its official code, the shipped learners' model cards
// (the studio's dialog), and links back to the studio and the trainer.
import { SHIPPED_LEARNERS } from '../../worker/catalog';
import { ModelCardLink } from '../cards/ModelCardLink';
import { OFFICIAL_CODE, PAPER } from './links';
import { VsmlDiagram } from './VsmlDiagram';
import './about.css';

export function AboutPage({ assetBase }: { readonly assetBase: string }) {
  return (
    <div className="about">
      <nav className="about-nav" aria-label="pages">
        <a href="./" data-testid="about-back">
          ← Back to the studio
        </a>
        <a href="trainer.html">Meta-train your own learner</a>
      </nav>
      <main>
        <h1>About VSML</h1>
        <p className="lede">
          VSML (Variable Shared Meta Learning) is a neural network that learns without being told how: its learning rule
          was itself learned.
        </p>

        <section aria-labelledby="idea">
          <h2 id="idea">The idea in plain words</h2>
          <p>
            An ordinary neural network has one number on each connection from an input a to an output b: a weight{' '}
            <i>w_ab</i>. It learns by gradient descent: an algorithm written by people works out how each weight should
            change to reduce the error, and changes it.
          </p>
          <p>
            VSML replaces every weight with a tiny recurrent network, a sub-RNN (here an LSTM). Each keeps its own state{' '}
            <i>s_ab</i> (a cell state c and a hidden state h, a few numbers each), and that state plays the part of the
            weight. All of them run the same small program: one shared set of parameters, <i>V_M</i>. Because every
            connection runs the same program, the same <i>V_M</i> works for any number of inputs and classes.
          </p>
          <VsmlDiagram />
        </section>

        <section aria-labelledby="flow">
          <h2 id="flow">One example, step by step</h2>
          <ol>
            <li>
              <b>Forward.</b> Each input (a pixel) <i>x_a</i> is sent to its row of sub-RNNs. Each sub-RNN updates its
              state and sends a message on; column b averages its messages into a score <i>y_b</i> for class b, kept
              within ±100 (100 · tanh of the mean / 100).
            </li>
            <li>
              <b>Guess.</b> The scores become probabilities (softmax); the largest is the guess. It is counted as right
              or wrong before the learner sees the label: that is the accuracy the studio plots.
            </li>
            <li>
              <b>Error back.</b> The error, probability minus the right answer for each class (<i>e_b</i>), goes
              backward into column b together with the next example. The sub-RNNs update their states from it.
            </li>
            <li>
              <b>No gradient.</b> Nothing computes a gradient while the network learns: the learning is the sub-RNNs
              changing their own states, by the program in <i>V_M</i>.
            </li>
          </ol>
        </section>

        <section aria-labelledby="meta">
          <h2 id="meta">What meta-training found</h2>
          <p>
            <i>V_M</i> is what gets trained, once, before the studio opens: on many small learning tasks, so that a
            network of these sub-RNNs gets more and more answers right as it sees examples. What comes out is a learning
            algorithm, stored in a few thousand numbers. The studio then runs it on tasks it never saw (other datasets,
            shuffled pixels, new numbers of classes) and compares it with SGD and Adam on the same examples; it does not
            always win, and the studio says where it loses. The paper meta-trains with evolution strategies; the
            learners here were meta-trained by gradient descent through the unrolled learning (see their model cards,
            and the trainer page to meta-train your own).
          </p>
        </section>

        <section aria-labelledby="paper">
          <h2 id="paper">The paper and its code</h2>
          <p>
            {PAPER.authors}, “
            <a href={PAPER.url} data-testid="paper-link">
              {PAPER.title}
            </a>
            ”, {PAPER.venue}. arXiv:2012.14905.
          </p>
          <p>
            The authors' code: <a href={OFFICIAL_CODE}>github.com/louiskirsch/vsml-neurips2021</a>. This studio
            re-implements the model in TypeScript and WebGPU and checks it against a CPU reference written from the
            paper's equations.
          </p>
        </section>

        <section aria-labelledby="learners">
          <h2 id="learners">The learners in the studio</h2>
          <ul className="learners">
            {SHIPPED_LEARNERS.map((l) => (
              <li key={l.id} data-testid={`about-learner-${l.id}`}>
                {l.title} (<code>{l.id}</code>) · <ModelCardLink learnerId={l.id} assetBase={assetBase} />
              </li>
            ))}
          </ul>
          <p>
            Each model card says how the learner was made, how long it took, and what it scores beside SGD and Adam,
            with the commands that reproduce the numbers.
          </p>
        </section>

        <p className="about-end">
          <a href="./">Open the studio</a> and press its <b>Tour</b> button for a guided look at the live views.
        </p>
      </main>
    </div>
  );
}
