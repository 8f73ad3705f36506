// Predict first, the classroom quiz, as pure state: which question is asked (the class VSML will
// predict, or whether it will be right), which example of which session is open (its prediction
// hidden until the viewer answers), the answers so far and the score lines. The page (QuizPanel.tsx)
// keeps a QuizState in the studio store and calls these on a click or a digit key.

/**
 * The quiz's URL value (`quiz=class` / `quiz=right`): off, "which class will VSML predict?", or "will VSML be right?".
 */
export type QuizMode = 'off' | 'class' | 'right';

export const QUIZ_MODES: readonly QuizMode[] = ['off', 'class', 'right'];

/** What the viewer says: a class index (mode class), or true / false for "VSML will be right" (mode right). */
export type Guess =
  { readonly kind: 'class'; readonly cls: number } | { readonly kind: 'right'; readonly right: boolean };

/** One answered example: what the viewer said, what VSML predicted, the label. */
export interface Answer {
  readonly example: number;
  readonly guess: Guess;
  readonly predicted: number;
  readonly label: number;
}

export interface QuizState {
  /** The example revealed last (its session serial and examples-seen count); the frame after it is a question. */
  readonly revealed: { readonly session: number; readonly example: number } | null;
  readonly answers: readonly Answer[];
  /**
   * The quiz is starting (turned on, or a new session came): it waits for the session to stop, then steps to the first
   * question.
   */
  readonly starting: boolean;
}

export const EMPTY_QUIZ: QuizState = { revealed: null, answers: [], starting: false };

/** The part of a frame the quiz reads. */
export interface QuizFrame {
  readonly examplesSeen: number;
  readonly predicted: number;
  readonly label: number;
  /** The worker's loop was running when the frame was taken. */
  readonly playing: boolean;
}

/**
 * The example on screen is a question: the quiz is on, there is one, and it is not the one revealed last (or before
 * it).
 */
export function isAsking(mode: QuizMode, quiz: QuizState, frame: QuizFrame | null, session: number): boolean {
  if (mode === 'off' || !frame || frame.examplesSeen === 0) return false;
  const r = quiz.revealed;
  return !(r && r.session === session && r.example >= frame.examplesSeen);
}

/**
 * The question on screen can be answered: it is open, the quiz has made its first step, and neither
 * the page nor the worker's loop plays (so the example cannot change under the answer).
 */
export const canAnswer = (
  mode: QuizMode,
  quiz: QuizState,
  frame: QuizFrame | null,
  session: number,
  playing: boolean,
): boolean => isAsking(mode, quiz, frame, session) && !quiz.starting && !playing && frame !== null && !frame.playing;

/** The quiz (re)starts: the score kept or not; the example on screen is hidden until the session has stopped. */
export const startQuiz = (quiz: QuizState, keepScore: boolean): QuizState => ({
  revealed: null,
  answers: keepScore ? quiz.answers : [],
  starting: true,
});

/**
 * The session has stopped on this frame's example: it counts as seen, and the quiz's step brings the
 * first question (null: not yet, the frame was taken while the loop still ran).
 */
export function stoppedAt(quiz: QuizState, frame: QuizFrame | null, session: number): QuizState | null {
  if (!quiz.starting || !frame || frame.playing) return null;
  return { ...quiz, revealed: { session, example: frame.examplesSeen }, starting: false };
}

/** The viewer's answer for the example on screen: recorded, and that example revealed. */
export function answer(quiz: QuizState, guess: Guess, frame: QuizFrame, session: number): QuizState {
  const a: Answer = { example: frame.examplesSeen, guess, predicted: frame.predicted, label: frame.label };
  return { revealed: { session, example: frame.examplesSeen }, answers: [...quiz.answers, a], starting: false };
}

/** The viewer got it: the class VSML predicted, or VSML's being right or wrong. */
export const viewerMatched = (a: Answer): boolean =>
  a.guess.kind === 'class' ? a.guess.cls === a.predicted : a.guess.right === (a.predicted === a.label);

export const vsmlRight = (a: Answer): boolean => a.predicted === a.label;

/**
 * "You matched VSML's prediction 3 of 5 · VSML was right 2 of 5" (mode class), "You called it 3 of 5 · …" (mode right).
 */
export function scoreText(mode: QuizMode, answers: readonly Answer[]): string {
  const n = answers.length;
  const you = answers.filter(viewerMatched).length;
  const vsml = answers.filter(vsmlRight).length;
  const lead = mode === 'right' ? 'You called it' : "You matched VSML's prediction";
  return `${lead} ${you} of ${n} · VSML was right ${vsml} of ${n}`;
}

const nameOf = (names: readonly string[], k: number): string => names[k] ?? String(k);

/**
 * The reveal, one sentence for the live region: "Example 12: VSML predicted 7, label 7, right. You said 7: a match."
 */
export function revealText(a: Answer, names: readonly string[]): string {
  const vsml = `Example ${a.example}: VSML predicted ${nameOf(names, a.predicted)}, label ${nameOf(names, a.label)}, ${vsmlRight(a) ? 'right' : 'wrong'}.`;
  const said =
    a.guess.kind === 'class' ? nameOf(names, a.guess.cls) : a.guess.right ? '“it will be right”' : '“it will be wrong”';
  return `${vsml} You said ${said}: ${viewerMatched(a) ? 'a match' : 'not this time'}.`;
}

/** The class a digit key answers ("3" → 3), or null (not a digit, or no such class). */
export function digitClass(key: string, numClasses: number): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  const k = Number(key);
  return k < numClasses ? k : null;
}
