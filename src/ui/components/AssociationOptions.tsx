// The fast-association stream's two settings, shown in the data panel when that stream is chosen:
// the order of the showings (a repeat apart from its first showing, or right after it) and whether
// every episode starts from fresh learners (the paper's Fig. 9: 20 steps from scratch).
import type { AssociationOrder } from '../../worker/session/contract';
import { useStudioState } from '../session/context';
import { Refusal } from './Refusal';
import './associationTable.css';

export function AssociationOptions() {
  const order = useStudioState((st) => st.settings.order);
  const fresh = useStudioState((st) => st.settings.fresh);
  const update = useStudioState((st) => st.update);
  return (
    <fieldset className="association-options" data-testid="association-options">
      <legend>episodes: one image of every class, each shown twice</legend>
      <div className="row">
        <label>
          order
          <select
            value={order}
            data-testid="association-order"
            onChange={(e) => update({ order: e.target.value as AssociationOrder })}
          >
            <option value="apart">repeat later (never right after)</option>
            <option value="adjacent">repeat right after</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={fresh}
            data-testid="association-fresh"
            onChange={(e) => update({ fresh: e.target.checked })}
          />
          every episode from fresh learners
        </label>
      </div>
      <Refusal control="order" />
    </fieldset>
  );
}
