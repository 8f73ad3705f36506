// Stage 4: from the last layer's output messages to the prediction: the score m_b (the read-out
// dimension of column b's averaged forward message), the bounded logit y_b = 100·tanh(m_b/100), and
// the softmax probabilities, each as bars with its numbers.
import { InfoButton } from '../../help/InfoButton';
import { VectorBars } from '../VectorBars';
import type { StageProps } from './StageProps';

export function OutputStage({ ex, classNames, width }: StageProps) {
  const w = Math.min(width, 560);
  return (
    <div className="stage-col">
      <figure className="stage-figure">
        <figcaption>
          Score m<sub>b</sub> of each class (dimension {ex.outputIndex} of column b’s forward message){' '}
          <InfoButton
            id="explain-scores"
            title="Output messages"
            what="For each class b, the average over the rows of what column b's cells send forward; one of its numbers is the class's score."
            read="Higher means the grid favours that class."
          />
        </figcaption>
        <VectorBars
          testId="explain-messages"
          values={ex.messages}
          names={classNames}
          kind="signed"
          label="Score per class"
          width={w}
          height={140}
        />
      </figure>
      <figure className="stage-figure">
        <figcaption>
          Logits y<sub>b</sub> = {ex.tanhBound}·tanh(m<sub>b</sub>/{ex.tanhBound})
        </figcaption>
        <VectorBars
          testId="explain-logits"
          values={ex.y}
          names={classNames}
          kind="signed"
          label="Logits per class"
          width={w}
          height={140}
        />
      </figure>
      <figure className="stage-figure">
        <figcaption>
          Probabilities p = softmax(y): predicted “{classNames[ex.predicted] ?? ex.predicted}” (circle), label “
          {classNames[ex.label] ?? ex.label}” (square){' '}
          <InfoButton
            id="explain-probabilities"
            title="The prediction"
            what="The softmax of the logits: the learner's belief over the classes, made before it sees the label."
            read="The circle marks the prediction (the tallest bar), the square the true class."
            good="After a few examples of a class the bar at the square is tall."
          />
        </figcaption>
        <VectorBars
          testId="explain-probabilities"
          values={ex.probabilities}
          names={classNames}
          kind="unit"
          trueClass={ex.label}
          predicted={ex.predicted}
          label="Probabilities per class"
          width={w}
          height={160}
        />
      </figure>
    </div>
  );
}
