// The current example with its output probabilities (square: true class, circle: prediction), and
// the introspection strip of the last ~100 examples, where fast association shows.
import { IntrospectionStrip } from '../charts/IntrospectionStrip';
import { ProbabilityBars } from '../charts/ProbabilityBars';
import { useStudioState } from '../session/context';
import { ExampleView } from './ExampleView';
import { useWidth } from './useWidth';

export function ExampleCard() {
  const frame = useStudioState((s) => s.frame);
  const info = useStudioState((s) => s.info);
  if (!info) return null;
  return (
    <section className="card example-card" aria-label="current example">
      <h2>Current example (run 0)</h2>
      <div className="example-row">
        <ExampleView />
        {frame && frame.examplesSeen > 0 ? (
          <ProbabilityBars probabilities={frame.probabilities} label={frame.label} predicted={frame.predicted} classNames={info.classNames} />
        ) : (
          <p className="muted">press play or step</p>
        )}
      </div>
    </section>
  );
}

export function StripCard() {
  const frame = useStudioState((s) => s.frame);
  const info = useStudioState((s) => s.info);
  const [box, width] = useWidth<HTMLDivElement>(800);
  if (!info) return null;
  return (
    <section className="card wide" aria-label="introspection">
      <h2>Output probabilities over the last {frame ? frame.recentLabels.length : 0} examples</h2>
      <div ref={box}>
        {frame && frame.recentLabels.length > 0 ? (
          <IntrospectionStrip
            width={Math.min(width, 1100)}
            probabilities={frame.recentProbabilities} labels={frame.recentLabels} numClasses={info.numClasses} classNames={info.classNames}
            firstExample={frame.examplesSeen - frame.recentLabels.length + 1}
          />
        ) : (
          <p className="muted">no examples yet</p>
        )}
      </div>
    </section>
  );
}
