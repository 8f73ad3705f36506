// The quiz's hooks: whether the example on screen is an open question (App.tsx hides VSML's
// prediction and probabilities while it is), and the flow that turning the quiz on starts — the
// session pauses; once a frame says the worker's loop has stopped, that example counts as seen and one
// step brings the first question. A new session (restart, new seeds, a setting) starts the same way,
// with the score kept.
import { useEffect, useRef, useState } from 'react';
import { useStudio, useStudioState } from '../session/context';
import { isAsking, startQuiz, stoppedAt } from './quiz';

/** The example on screen waits for the viewer's answer (its prediction hidden). */
export function useQuizAsking(): boolean {
  return useStudioState((s) => isAsking(s.settings.quiz, s.quiz, s.frame, s.sessionSerial));
}

/** The page's classes for the quiz: `quiz-on` while it is on, `quiz-asking` while a question is open (quiz.css). */
export function useQuizClasses(): string {
  const on = useStudioState((s) => s.settings.quiz !== 'off');
  const asking = useQuizAsking();
  return `${on ? ' quiz-on' : ''}${asking ? ' quiz-asking' : ''}`;
}

/** Pause and step to the first question when the quiz turns on (a fresh score) or a new session comes with it on. */
export function useQuizFlow(): void {
  const studio = useStudio();
  const on = useStudioState((s) => s.settings.quiz !== 'off');
  const session = useStudioState((s) => s.sessionSerial);
  const ready = useStudioState((s) => s.info !== null && s.status === 'running');
  const set = useStudioState((s) => s.set);
  const frame = useStudioState((s) => s.frame);
  const quiz = useStudioState((s) => s.quiz);
  const started = useRef<{ on: boolean; session: number }>({ on: false, session: -1 });
  /** The session whose pause() has been answered (the worker's loop is stopped). */
  const [pausedSession, setPausedSession] = useState(-1);
  const latest = useRef(quiz);
  latest.current = quiz;

  useEffect(() => {
    if (!on) {
      started.current = { on: false, session: -1 };
      return;
    }
    const was = started.current;
    if (!ready || (was.on && was.session === session)) return;
    started.current = { on: true, session };
    set({ quiz: startQuiz(latest.current, was.on) });
    void studio.pause().then(() => setPausedSession(session));
  }, [on, session, ready, set, studio]);

  useEffect(() => {
    if (!on || pausedSession !== session) return;
    const next = stoppedAt(quiz, frame, session);
    if (!next) return;
    set({ quiz: next });
    void studio.stepOnce();
  }, [on, pausedSession, session, quiz, frame, set, studio]);
}
