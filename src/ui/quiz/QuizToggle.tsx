// The toolbar's "Predict first" switch (aria-pressed): turns the classroom quiz on ("which class will
// VSML predict?") or off; the URL key `quiz` follows the setting.
import { useStudioState } from '../session/context';

export function QuizToggle() {
  const mode = useStudioState((s) => s.settings.quiz);
  const update = useStudioState((s) => s.update);
  const on = mode !== 'off';
  return (
    <button
      type="button"
      data-testid="quiz-toggle"
      aria-pressed={on}
      title="A quiz for the classroom: guess VSML's prediction before it is shown"
      onClick={() => update({ quiz: on ? 'off' : 'class' })}
    >
      {on ? '✓ Predict first' : 'Predict first'}
    </button>
  );
}
