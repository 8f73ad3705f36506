// Fast association's numbers beside the strip (the paper's Fig. 9): for VSML and each baseline the
// accuracy on first showings (a new image) and on second showings (the same image again), mean ± std
// over the runs and the showings counted, then one plain sentence of what they say (showingsVerdict).
// The exact numbers are in data attributes, so a test can compare them with `vsml evaluate`.
import type { ShowingAccuracy } from '../../model/showings';
import type { LearnedEntry, ShowingsByLearner } from '../../worker/session/contract';
import { downloadBlob, showingsCsv } from '../charts/export';
import { InfoButton } from '../help/InfoButton';
import { useStudio } from '../session/context';
import { learnerLabel } from './labels';
import { showingsVerdict } from './showingsVerdict';
import './associationTable.css';

export interface AssociationTableProps {
  readonly showings: ShowingsByLearner;
  readonly runs: number;
  /** Whether every episode starts from fresh learners. */
  readonly fresh: boolean;
  /** The session's learned learners (SessionInfo.learned), named by their kind. */
  readonly learned?: readonly LearnedEntry[];
}

function Cell({
  learner,
  kind,
  a,
}: {
  readonly learner: string;
  readonly kind: 'first' | 'second';
  readonly a: ShowingAccuracy | null;
}) {
  const testId = `showing-${learner}-${kind}`;
  if (!a) {
    return (
      <td data-testid={testId} data-count={0}>
        —
      </td>
    );
  }
  return (
    <td data-testid={testId} data-mean={a.mean} data-std={a.std ?? ''} data-count={a.count}>
      {a.mean.toFixed(3)}
      <span className="muted"> ± {a.std === null ? 'n/a' : a.std.toFixed(3)}</span>
      <span className="association-count"> n = {a.count}</span>
    </td>
  );
}

export function AssociationTable({ showings, runs, fresh, learned }: AssociationTableProps) {
  const studio = useStudio();
  const exportCsv = async () => {
    const data = await studio.curves();
    const text = data ? showingsCsv(data) : '';
    if (text) downloadBlob(new Blob([text], { type: 'text/csv' }), 'vsml-association.csv');
  };
  return (
    <figure className="association-table" data-testid="association-table">
      <figcaption>
        <span>First and second showings</span>
        <InfoButton
          id="association"
          title="First and second showings"
          what={`Each episode shows one picture of every class, each picture twice. This table gives, for VSML and for each ordinary network, the share of right guesses on the first showing of a picture and on its second showing, averaged over the ${runs} runs (± the standard deviation over runs; n counts the showings over all runs).`}
          read={`The first showing is a picture the learner has not seen in this episode, so getting it right needs knowledge of the class from before${fresh ? ' — and here every episode starts from a fresh learner, so there is none: expect chance or below' : ''}. The second showing is the same picture again a few steps later: getting it right means the learner took it in from one example.`}
          good="The paper's Fig. 9: VSML is wrong the first time and right, with high confidence, the next. A learner that associates fast has a high second-showing number. The sentence under the table says plainly when a baseline does as well."
        />
        <button
          type="button"
          className="link small"
          data-testid="export-association-csv"
          onClick={() => void exportCsv()}
        >
          CSV
        </button>
      </figcaption>
      <ShowingsTable showings={showings} learned={learned} />
    </figure>
  );
}

/** The table and its sentence (no popover, so it renders anywhere). */
export function ShowingsTable({
  showings,
  learned,
}: {
  readonly showings: ShowingsByLearner;
  readonly learned?: readonly LearnedEntry[];
}) {
  const names = Object.keys(showings);
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">learner</th>
            <th scope="col">first showing</th>
            <th scope="col">second showing</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">{learnerLabel(name, learned)}</th>
              <Cell learner={name} kind="first" a={showings[name].first} />
              <Cell learner={name} kind="second" a={showings[name].second} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="association-verdict" data-testid="association-verdict">
        {showingsVerdict(showings, learned)}
      </p>
    </>
  );
}
