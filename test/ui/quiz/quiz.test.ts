import { describe, expect, it } from 'vitest';
import {
  answer,
  canAnswer,
  digitClass,
  EMPTY_QUIZ,
  isAsking,
  revealText,
  scoreText,
  startQuiz,
  stoppedAt,
  viewerMatched,
  type QuizState,
} from '../../../src/ui/quiz/quiz';

const frame = (examplesSeen: number, predicted: number, label: number, playing = false) => ({
  examplesSeen,
  predicted,
  label,
  playing,
});

/** The quiz once the session stopped on example `n` of session `session`. */
const stopped = (n: number, session = 1): QuizState => {
  const q = stoppedAt(startQuiz(EMPTY_QUIZ, false), frame(n, 0, 0), session);
  if (!q) throw new Error('not stopped');
  return q;
};
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

describe('isAsking', () => {
  it('is false with the quiz off, before any example, and for the example revealed last', () => {
    expect(isAsking('off', EMPTY_QUIZ, frame(5, 1, 1), 1)).toBe(false);
    expect(isAsking('class', EMPTY_QUIZ, null, 1)).toBe(false);
    expect(isAsking('class', EMPTY_QUIZ, frame(0, 0, 0), 1)).toBe(false);
    expect(isAsking('class', stopped(5), frame(5, 1, 1), 1)).toBe(false);
  });

  it('is true for the next example of the same session, and for any example of a new session', () => {
    const q = stopped(5);
    expect(isAsking('class', q, frame(6, 2, 3), 1)).toBe(true);
    expect(isAsking('right', q, frame(6, 2, 3), 1)).toBe(true);
    expect(isAsking('class', q, frame(3, 2, 3), 2)).toBe(true);
  });
});

describe('startQuiz, stoppedAt and canAnswer', () => {
  it('hides the example on screen at once, waits for a frame taken with the loop stopped, then counts that example as seen', () => {
    const q = startQuiz(
      { ...EMPTY_QUIZ, answers: answer(EMPTY_QUIZ, { kind: 'class', cls: 1 }, frame(3, 1, 1), 1).answers },
      false,
    );
    expect(q).toEqual({ revealed: null, answers: [], starting: true });
    expect(isAsking('class', q, frame(14, 2, 2, true), 1)).toBe(true);
    expect(canAnswer('class', q, frame(14, 2, 2), 1, false)).toBe(false);
    expect(stoppedAt(q, frame(14, 2, 2, true), 1)).toBeNull();
    expect(stoppedAt(q, null, 1)).toBeNull();
    const s = stoppedAt(q, frame(15, 2, 2), 1);
    expect(s).toEqual({ revealed: { session: 1, example: 15 }, answers: [], starting: false });
    expect(stoppedAt(s as QuizState, frame(15, 2, 2), 1)).toBeNull();
  });

  it('a new session keeps the score', () => {
    const q = answer(stopped(4), { kind: 'class', cls: 1 }, frame(5, 1, 1), 1);
    expect(startQuiz(q, true).answers).toHaveLength(1);
  });

  it('can answer only an open question while nothing plays', () => {
    const q = stopped(15);
    expect(canAnswer('class', q, frame(16, 2, 2), 1, false)).toBe(true);
    expect(canAnswer('class', q, frame(16, 2, 2), 1, true)).toBe(false);
    expect(canAnswer('class', q, frame(16, 2, 2, true), 1, false)).toBe(false);
    expect(canAnswer('class', q, frame(15, 2, 2), 1, false)).toBe(false);
    expect(canAnswer('off', q, frame(16, 2, 2), 1, false)).toBe(false);
  });
});

describe('answer and scoreText', () => {
  it('"which class": 2 of 3 matched, VSML right 1 of 3, each answered example revealed', () => {
    let q = stopped(0);
    q = answer(q, { kind: 'class', cls: 7 }, frame(1, 7, 7), 1);
    expect(isAsking('class', q, frame(1, 7, 7), 1)).toBe(false);
    expect(scoreText('class', q.answers)).toBe("You matched VSML's prediction 1 of 1 · VSML was right 1 of 1");
    q = answer(q, { kind: 'class', cls: 3 }, frame(2, 5, 3), 1);
    expect(scoreText('class', q.answers)).toBe("You matched VSML's prediction 1 of 2 · VSML was right 1 of 2");
    q = answer(q, { kind: 'class', cls: 2 }, frame(3, 2, 9), 1);
    expect(scoreText('class', q.answers)).toBe("You matched VSML's prediction 2 of 3 · VSML was right 1 of 3");
    expect(q.answers.map(viewerMatched)).toEqual([true, false, true]);
    expect(q.revealed).toEqual({ session: 1, example: 3 });
  });

  it('"will it be right": saying right when it is wrong is a miss, saying wrong when it is wrong a hit', () => {
    let q = answer(EMPTY_QUIZ, { kind: 'right', right: true }, frame(1, 4, 9), 1);
    q = answer(q, { kind: 'right', right: false }, frame(2, 4, 9), 1);
    q = answer(q, { kind: 'right', right: true }, frame(3, 1, 1), 1);
    expect(q.answers.map(viewerMatched)).toEqual([false, true, true]);
    expect(scoreText('right', q.answers)).toBe('You called it 2 of 3 · VSML was right 1 of 3');
  });

  it('no answers: 0 of 0', () => {
    expect(scoreText('class', [])).toBe("You matched VSML's prediction 0 of 0 · VSML was right 0 of 0");
  });
});

describe('revealText', () => {
  it("says the prediction, the label and the viewer's answer, with class names", () => {
    const [a] = answer(EMPTY_QUIZ, { kind: 'class', cls: 7 }, frame(12, 7, 7), 1).answers;
    expect(revealText(a, DIGITS)).toBe('Example 12: VSML predicted 7, label 7, right. You said 7: a match.');
    const [b] = answer(EMPTY_QUIZ, { kind: 'right', right: true }, frame(4, 0, 1), 1).answers;
    expect(revealText(b, ['T-shirt/top', 'Trouser'])).toBe(
      'Example 4: VSML predicted T-shirt/top, label Trouser, wrong. You said “it will be right”: not this time.',
    );
  });
});

describe('digitClass', () => {
  it('maps 0-9 to a class that exists, else null', () => {
    expect(digitClass('3', 10)).toBe(3);
    expect(digitClass('0', 2)).toBe(0);
    expect(digitClass('5', 5)).toBeNull();
    expect(digitClass('a', 10)).toBeNull();
    expect(digitClass('12', 20)).toBeNull();
  });
});
