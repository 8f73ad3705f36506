// Predict first, the classroom quiz's bar under the toolbar (shown while the quiz is on, presentation
// mode included): the question for the example on screen — which class VSML will predict (a button per
// class, digit keys 0-9) or whether it will be right — then the reveal (a polite live region) and the
// viewer's score beside VSML's. While a question is open App.tsx marks the page `quiz-asking` and
// quiz.css hides VSML's prediction, probabilities and accuracy; the example's picture stays.
import { useEffect } from 'react';
import { describeTarget } from '../keyboard/describeTarget';
import { InfoButton } from '../help/InfoButton';
import { useStudio, useStudioState } from '../session/context';
import { answer, canAnswer as answerable, digitClass, revealText, scoreText, type Guess, type QuizMode } from './quiz';
import { useQuizAsking, useQuizFlow } from './useQuiz';
import './quiz.css';

const MODES: readonly { readonly mode: Exclude<QuizMode, 'off'>; readonly label: string }[] = [
  { mode: 'class', label: 'which class VSML will predict' },
  { mode: 'right', label: 'whether VSML will be right' },
];

const NO_NAMES: readonly string[] = [];

/** A digit typed where it types nothing else (not in a text field, a list or a dialog). */
function digitTarget(target: EventTarget | null): boolean {
  const t = describeTarget(target);
  return !(t.editable || t.inDialog || ['input', 'select', 'textarea'].includes(t.tag));
}

export function QuizPanel() {
  useQuizFlow();
  const studio = useStudio();
  const mode = useStudioState((s) => s.settings.quiz);
  const update = useStudioState((s) => s.update);
  const set = useStudioState((s) => s.set);
  const quiz = useStudioState((s) => s.quiz);
  const frame = useStudioState((s) => s.frame);
  const session = useStudioState((s) => s.sessionSerial);
  const names = useStudioState((s) => s.info?.classNames) ?? NO_NAMES;
  const playing = useStudioState((s) => s.playing);
  const asking = useQuizAsking();
  const canAnswer = answerable(mode, quiz, frame, session, playing);

  const give = (guess: Guess) => {
    if (canAnswer && frame) set({ quiz: answer(quiz, guess, frame, session) });
  };

  useEffect(() => {
    if (!canAnswer || !frame || mode !== 'class') return;
    const onKey = (e: KeyboardEvent) => {
      const k = digitClass(e.key, names.length);
      if (k === null || e.ctrlKey || e.altKey || e.metaKey || !digitTarget(e.target)) return;
      e.preventDefault();
      set({ quiz: answer(quiz, { kind: 'class', cls: k }, frame, session) });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (mode === 'off') return null;
  const last = quiz.answers.at(-1);
  const shown = !asking && last && frame && last.example === frame.examplesSeen ? last : null;
  return (
    <section className="quiz" aria-label="predict first" data-testid="quiz">
      <div className="quiz-head">
        <h2>Predict first</h2>
        <InfoButton
          id="quiz"
          title="Predict first"
          what="A quiz for the classroom. The page shows one example at a time and hides what VSML will guess until you have said what you think."
          read="Pick the class you think VSML will predict (or press its digit key), or, with the other question, whether VSML will be right. Then the page shows VSML's guess and keeps your score beside VSML's own."
          good="Early on VSML guesses almost at random, so it is hard to predict. As it learns, it is right more often, and you can predict it better: a learner you can predict is one whose behaviour you understand."
        />
        <label className="quiz-mode">
          ask{' '}
          <select
            data-testid="quiz-mode"
            value={mode}
            onChange={(e) => {
              update({ quiz: e.target.value as QuizMode });
              set({ quiz: { ...quiz, answers: [] } });
            }}
          >
            {MODES.map((m) => (
              <option key={m.mode} value={m.mode}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <span className="quiz-score" data-testid="quiz-score">
          {scoreText(mode, quiz.answers)}
        </span>
      </div>
      {asking && frame ? (
        <div
          className="quiz-question"
          data-testid="quiz-question"
          data-example={frame.examplesSeen}
          data-ready={canAnswer}
        >
          <p>
            Example {frame.examplesSeen}, label <b>{names[frame.label] ?? frame.label}</b>.{' '}
            {mode === 'class' ? 'Which class will VSML predict?' : 'Will VSML be right?'}
            {playing && <span className="muted"> (pause to answer: the quiz asks about one example at a time)</span>}
            {!playing && !canAnswer && <span className="muted"> (stopping the session…)</span>}
          </p>
          <div className="quiz-answers" role="group" aria-label="your answer">
            {mode === 'class'
              ? names.map((n, k) => (
                  <button
                    key={k}
                    type="button"
                    data-testid={`quiz-answer-${k}`}
                    disabled={!canAnswer}
                    onClick={() => give({ kind: 'class', cls: k })}
                    aria-keyshortcuts={k < 10 ? String(k) : undefined}
                  >
                    {n}
                  </button>
                ))
              : [true, false].map((right) => (
                  <button
                    key={String(right)}
                    type="button"
                    data-testid={`quiz-answer-${right ? 'right' : 'wrong'}`}
                    disabled={!canAnswer}
                    onClick={() => give({ kind: 'right', right })}
                  >
                    {right ? 'It will be right' : 'It will be wrong'}
                  </button>
                ))}
          </div>
        </div>
      ) : (
        <div className="quiz-question">
          <button type="button" data-testid="quiz-next" disabled={playing} onClick={() => void studio.stepOnce()}>
            Next example ▸
          </button>
        </div>
      )}
      <p className="quiz-reveal" aria-live="polite" data-testid="quiz-reveal">
        {shown ? revealText(shown, names) : ''}
      </p>
    </section>
  );
}
