// The raw vsml-meta-config document, collapsible: edits follow the form and the form follows valid
// JSON typed here; text that is not a JSON object is named and the document keeps its last good value.
// A refusal check() could not place at a form field shows here too.
import { isActive } from '../frameChange';
import { useTrainer } from '../trainerStore';

export function ConfigJson() {
  const text = useTrainer((s) => s.jsonText);
  const jsonError = useTrainer((s) => s.jsonError);
  const editJson = useTrainer((s) => s.editJson);
  const active = useTrainer((s) => isActive(s.frame?.state));
  const check = useTrainer((s) => s.check);
  const unplaced = check.state === 'bad' && check.formField === null;
  return (
    <details className="config-json" open={unplaced || jsonError !== null ? true : undefined}>
      <summary>config JSON (vsml-meta-config)</summary>
      <textarea
        value={text}
        spellCheck={false}
        rows={18}
        readOnly={active}
        data-testid="config-json"
        aria-label="config JSON"
        onChange={(e) => editJson(e.target.value)}
      />
      {jsonError && (
        <p className="field-error" role="alert" data-testid="field-error-json-text">
          {jsonError}
        </p>
      )}
      {unplaced && (
        <p className="field-error" role="alert" data-testid="field-error-json" data-field={check.field}>
          {check.message}
        </p>
      )}
    </details>
  );
}
