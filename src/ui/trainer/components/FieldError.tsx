// A refusal next to its input: check()'s message for the form field `fieldKey` (data-field = the exact
// path check() named, e.g. "tasks.classes[0][1]").
import { fieldError } from '../trainerStore';
import { useTrainer } from '../trainerStore';

export function FieldError({ fieldKey }: { readonly fieldKey: string }) {
  const check = useTrainer((s) => s.check);
  const message = fieldError(check, fieldKey);
  if (message === null || check.state !== 'bad') return null;
  return (
    <p className="field-error" role="alert" data-testid={`field-error-${fieldKey}`} data-field={check.field}>
      {message}
    </p>
  );
}
