// The current example's prediction and label for screen readers: a polite live region (visually
// hidden) whose text changes at most once every 3 s while the session plays, and at once after a step
// or a pause (layout/announce.ts), e.g. "Example 81: predicted 7, label 7, correct."
import { useEffect, useState } from 'react';
import { useStudioState } from '../session/context';
import { nextAnnouncement, type Announced } from '../layout/announce';

export function PredictionLive() {
  const frame = useStudioState((s) => s.frame);
  const classNames = useStudioState((s) => s.info?.classNames);
  const playing = useStudioState((s) => s.playing);
  const [said, setSaid] = useState<Announced | null>(null);
  useEffect(() => {
    const shown =
      frame && classNames
        ? { example: frame.examplesSeen, predicted: frame.predicted, label: frame.label, classNames }
        : null;
    setSaid((last) => nextAnnouncement(last, shown, playing, performance.now()) ?? last);
  }, [frame, classNames, playing]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="prediction-live">
      {said?.text ?? ''}
    </p>
  );
}
