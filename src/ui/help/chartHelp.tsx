// The plain-words help of each live chart of the studio, one "i" (InfoButton) per chart: what it
// plots, how to read it, and what a good learner looks like. The words live here, beside each other,
// so they read as one voice; the panels only place the buttons.
import { InfoButton } from './InfoButton';

export function ExampleInfo() {
  return (
    <InfoButton
      id="example"
      title="Current example"
      what="The picture the learner sees now (run 0), and the probability it gives each class. It guesses first; only then is it told the right answer (the label), which it uses to learn."
      read="Each bar is one class. The square marks the true class, the circle the learner's guess (its tallest bar). A ✓ under the picture: the guess was right."
      good="At first the bars are spread out and the guess is often wrong. A learner that learns puts a tall bar on the true class more and more often."
    />
  );
}

export function AccuracyInfo() {
  return (
    <InfoButton
      id="accuracy"
      title="Cumulative accuracy"
      what="The share of guesses that were right so far, against the number of examples seen. VSML is the meta-learned learner; SGD and Adam are ordinary neural nets trained by gradient descent on the same examples, in the same order."
      read="Each line is the mean over the runs (each run has its own random start and example order), the shaded band one standard deviation either side. Hover the chart, or focus it and use the arrow keys, for the numbers. “log x” stretches the first examples, where fast learning shows."
      good="Guessing at random scores 1 ÷ the number of classes (0.1 for ten). A good online learner leaves that level after a few dozen examples and keeps climbing. Compare the lines: where SGD or Adam is higher, they learn this task better, and the chart says so."
    />
  );
}

export function StripInfo() {
  return (
    <InfoButton
      id="strip"
      title="Output probabilities, example by example"
      what="The learner's probabilities for the last 100 examples of run 0: one column per example (the oldest on the left), one row per class. The deeper the blue, the higher the probability."
      read="A square marks each example's true class, a circle the learner's guess: circle on square is a right guess. This is how the paper's Fig. 9 shows fast association."
      good="More and more circles land on squares, in cells of deep blue. With the fast-association stream: wrong the first time a new picture is shown, then right, with high confidence, when the same picture comes back."
    />
  );
}

export function HeatmapInfo() {
  return (
    <InfoButton
      id="heatmap"
      title="What each sub-RNN remembers"
      what="In VSML every weight of a neural net is replaced by a tiny LSTM, a sub-RNN: one for each connection from input a to output b, all running the same small program (the shared parameters V_M). This shows one number of each sub-RNN's state s_ab in run 0: its cell state c or hidden state h, at state dimension j. These states play the part of the weights."
      read="Red is positive, blue negative, white near zero. In the first layer of a picture task, each output column b is drawn as a small picture of its connections, one pixel per input pixel. The colour scale sets the colours from each class column's own largest value, from the whole layer's, or from a fixed −1 to 1."
      good="Press Step and watch: the colours shift after every example. That shift is the learning — no gradient is computed; each sub-RNN changes its own state from the input it sees and the error fed back to it."
    />
  );
}
