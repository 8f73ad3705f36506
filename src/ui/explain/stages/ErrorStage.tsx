// Stage 5: the error e = softmax(y) − onehot(label), as signed bars, and the loss.
import { InfoButton } from '../../help/InfoButton';
import { VectorBars } from '../VectorBars';
import type { StageProps } from './StageProps';

export function ErrorStage({ ex, classNames, width }: StageProps) {
  return (
    <div className="stage-col">
      <figure className="stage-figure">
        <figcaption>
          Error e per class (label “{classNames[ex.label] ?? ex.label}”){' '}
          <InfoButton
            id="explain-error"
            title="The error"
            what="The probabilities minus the one-hot label: negative at the true class (it should have been higher), positive at every other class (lower)."
            read="The bars sum to zero. A confident right answer gives bars near zero; a confident wrong one a bar near −1 at the label and one near +1 at the guess."
          />
        </figcaption>
        <VectorBars
          testId="explain-error"
          values={ex.error}
          names={classNames}
          kind="signed"
          trueClass={ex.label}
          predicted={ex.predicted}
          label="Error per class"
          width={Math.min(width, 560)}
          height={190}
        />
      </figure>
      <p className="stage-readout" data-testid="explain-loss" data-value={ex.loss}>
        cross-entropy loss {ex.loss.toFixed(5)}
      </p>
    </div>
  );
}
