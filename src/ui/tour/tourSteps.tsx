// The guided tour's steps: what each one points at (a CSS selector of a live view or control) and what
// it says, in plain words first and the symbol after. Eight short steps: what you are looking at, the
// sub-RNN, its state as the weight, the messages forward and back, no gradient at test time, what
// meta-training found, what to watch for, and where to read more.
import type { ReactNode } from 'react';

export interface TourStep {
  /** Names the step in tests and analytics-free logs ("sub-rnn"). */
  readonly id: string;
  /** The element the step points at; none (or not on the page) centres the popover. */
  readonly target: string | null;
  readonly title: string;
  readonly body: ReactNode;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'welcome',
    target: '.top .title',
    title: 'A learner that learned how to learn',
    body: (
      <p>
        This page shows a small neural network learning to recognise pictures, one example at a time. Its learning rule
        was not written by anyone: it was itself learned, by meta-training. This tour takes a minute; skip it any time
        with Escape.
      </p>
    ),
  },
  {
    id: 'sub-rnn',
    target: 'section[aria-label="state heatmap"]',
    title: 'Every weight is a tiny LSTM',
    body: (
      <p>
        An ordinary network has one number, a weight, on each connection from input a to output b. VSML puts a tiny
        recurrent network there instead, a sub-RNN (an LSTM). All of them run the same small program: one shared set of
        parameters, <i>V_M</i> (2,384 numbers for the default learner).
      </p>
    ),
  },
  {
    id: 'state',
    target: 'section[aria-label="state heatmap"]',
    title: 'Its state plays the part of the weight',
    body: (
      <p>
        There is no weight matrix. What each sub-RNN remembers, its state <i>s_ab</i> (cell state c and hidden state h),
        does that job. This heatmap shows one number of every sub-RNN's state; learning is these colours changing.
      </p>
    ),
  },
  {
    id: 'messages',
    target: 'section[aria-label="current example"]',
    title: 'Messages go forward and back',
    body: (
      <p>
        Forward: each pixel of the picture is sent to its row of sub-RNNs; each column b averages what its sub-RNNs say
        into a score for class b, and the scores become these probabilities. Backward: the error (the probability minus
        the right answer, per class) is sent into column b.
      </p>
    ),
  },
  {
    id: 'no-gradient',
    target: '[data-testid="step"]',
    title: 'The error is fed back: no gradient',
    body: (
      <p>
        The learner guesses first, then sees the label. Its error goes in with the next example, like any other input,
        and each sub-RNN updates its own state. Nothing computes a gradient while it learns here. Press <b>Step</b> to
        show one example.
      </p>
    ),
  },
  {
    id: 'meta-training',
    target: 'section[aria-label="cumulative accuracy"]',
    title: 'What meta-training found',
    body: (
      <p>
        Before this page opened, <i>V_M</i> was tuned on many small learning tasks (MNIST digits, shrunk, some with
        their pixels randomly mixed) so that the network gets right quickly. What it found is a learning algorithm,
        stored in those shared parameters. This chart compares it with SGD and Adam, which learn by gradient descent, on
        the same examples.
      </p>
    ),
  },
  {
    id: 'watch',
    target: 'section[aria-label="introspection"]',
    title: 'What to watch for',
    body: (
      <p>
        The accuracy curve against SGD and Adam (VSML does not always win, and the page says so), and this strip: one
        column per example, the square the right class, the circle the guess. Try the <b>Fast association</b> preset:
        wrong the first time a picture is shown, right the second.
      </p>
    ),
  },
  {
    id: 'more',
    target: '[data-testid="tour-open"]',
    title: 'Read more',
    body: (
      <p>
        Every chart has an <b>i</b> that says what it shows. <a href="about.html">About VSML</a> explains the idea with
        a diagram and links the paper and the learners' model cards. Open this tour again from <b>Tour</b>.
      </p>
    ),
  },
];
