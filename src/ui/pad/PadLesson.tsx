// What one taught drawing changed: run 0's probabilities for that drawing before it was told the class
// (teach's reply) and after it learned from it (a peek of the same drawing), the taught class's change
// in words, and the invitation to draw the symbol again.
import { PadBars } from './PadBars';
import type { PadLesson as Lesson } from './padStore';

export interface PadLessonProps {
  readonly lesson: Lesson;
  readonly names: readonly string[];
  onDrawAgain(): void;
}

export function PadLesson({ lesson, names, onDrawAgain }: PadLessonProps) {
  const { label, before, after } = lesson;
  const name = names[label];
  const pb = before.probabilities[label];
  const pa = after.probabilities[label];
  return (
    <section
      className="pad-lesson"
      aria-label="what one example changed"
      data-testid="pad-lesson"
      data-label={label}
      data-before={pb}
      data-after={pa}
    >
      <h3>What one example changed</h3>
      <p data-testid="pad-lesson-text">
        Before it was told, VSML guessed <b>{names[before.predicted]}</b> and gave “{name}” p = {pb.toFixed(3)}. After
        learning from this one drawing it gives “{name}” p = <b>{pa.toFixed(3)}</b> ({pa >= pb ? '+' : '−'}
        {Math.abs(pa - pb).toFixed(3)})
        {after.predicted === label ? ', its guess now.' : `; its guess is still ${names[after.predicted]}.`}
      </p>
      <PadBars
        id="lesson"
        names={names}
        probabilities={after.probabilities}
        before={before.probabilities}
        predicted={after.predicted}
        highlight={label}
      />
      <p className="small muted">
        Grey: before it was told; blue: after. No gradient was computed: the sub-RNNs changed their own states from the
        fed-back error.
      </p>
      <p className="pad-invite">
        Now draw a <b>{name}</b> again — a new drawing, not a copy. Does VSML know it after one example?{' '}
        <button type="button" className="primary" data-testid="pad-draw-again" onClick={onDrawAgain}>
          Draw it again
        </button>
      </p>
    </section>
  );
}
