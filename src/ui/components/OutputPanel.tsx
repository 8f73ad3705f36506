// The current example with its output probabilities (square: true class, circle: prediction), and
// the introspection strip of the last ~100 examples, where fast association shows: of VSML by
// default, or of any learner the session runs (a baseline, a learned learner: its probabilities and
// its right and wrong guesses, the same marks; learners without VSML's state have no heatmap to
// show, so the strip is what is meaningful for all of them). Each chart takes
// the width its card gets; in presentation mode also the height of its grid cell.
import { IntrospectionStrip } from '../charts/IntrospectionStrip';
import { AssociationTable } from './AssociationTable';
import { ProbabilityBars } from '../charts/ProbabilityBars';
import { useStudio, useStudioState } from '../session/context';
import { useSize } from '../layout/useSize';
import { ExampleInfo, StripInfo } from '../help/chartHelp';
import { ExampleView } from './ExampleView';
import { PredictionLive } from './PredictionLive';
import { learnerLabel } from './labels';

/** Room for the example's caption under its image (two lines), px. */
const CAPTION = 64;
const GAP = 16;

export function ExampleCard() {
  const frame = useStudioState((s) => s.frame);
  const info = useStudioState((s) => s.info);
  const present = useStudioState((s) => s.settings.present);
  const [box, size] = useSize<HTMLDivElement>({ width: 420, height: 300 });
  if (!info) return null;
  const side = present ? Math.max(64, Math.min(320, size.height - CAPTION, Math.floor(size.width * 0.38))) : 140;
  const beside = size.width - side - GAP;
  const barsWidth = beside >= 240 ? beside : size.width;
  return (
    <section className="card example-card" aria-label="current example">
      <div className="with-info">
        <h2>Current example (run 0)</h2>
        <ExampleInfo />
      </div>
      <div className="example-row chart-box" ref={box}>
        <ExampleView size={side} />
        {frame && frame.examplesSeen > 0 ? (
          <ProbabilityBars
            probabilities={frame.probabilities}
            label={frame.label}
            predicted={frame.predicted}
            classNames={info.classNames}
            width={present ? barsWidth : Math.min(barsWidth, 420)}
            height={present ? size.height : undefined}
          />
        ) : (
          <p className="muted">press play or step</p>
        )}
      </div>
      <PredictionLive />
    </section>
  );
}

export function StripCard() {
  const frame = useStudioState((s) => s.frame);
  const fresh = useStudioState((s) => s.settings.fresh);
  const info = useStudioState((s) => s.info);
  const present = useStudioState((s) => s.settings.present);
  const studio = useStudio();
  const [box, size] = useSize<HTMLDivElement>({ width: 800, height: 300 });
  if (!info) return null;
  const whose = frame?.strip ?? 'vsml';
  const learners = frame ? Object.keys(frame.accuracy) : ['vsml'];
  return (
    <section className="card wide" aria-label="introspection">
      <div className="with-info">
        <h2>
          {present
            ? 'Probabilities, last'
            : `Output probabilities of ${learnerLabel(whose, info.learned)} over the last`}{' '}
          {frame ? frame.recentLabels.length : 0} examples
        </h2>
        <StripInfo />
        {learners.length > 1 && (
          <label className="small">
            learner
            <select value={whose} data-testid="strip-learner" onChange={(e) => studio.setStrip(e.target.value)}>
              {learners.map((name) => (
                <option key={name} value={name}>
                  {learnerLabel(name, info.learned)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="chart-box" ref={box}>
        {frame && frame.recentLabels.length > 0 ? (
          <IntrospectionStrip
            width={present ? size.width : Math.min(size.width, 1100)}
            height={present ? size.height : undefined}
            probabilities={frame.recentProbabilities}
            labels={frame.recentLabels}
            numClasses={info.numClasses}
            classNames={info.classNames}
            firstExample={frame.examplesSeen - frame.recentLabels.length + 1}
            marks={frame.recentMarks}
          />
        ) : (
          <p className="muted">no examples yet</p>
        )}
      </div>
      {frame?.showings && !present && (
        <AssociationTable showings={frame.showings} runs={info.runs} fresh={fresh} learned={info.learned} />
      )}
    </section>
  );
}
