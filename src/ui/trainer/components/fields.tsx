// The form's inputs. Each edits one path of the document through the store's editField; text inputs
// keep what the user typed (the parent re-keys them when the document is replaced from outside, so they
// re-read it) and write it leniently converted (configDoc.ts); the worker's check() judges the value.
import { useState } from 'react';
import { getAt, numberFromText, valueToText } from '../configDoc';
import { useTrainer } from '../trainerStore';
import { FieldError } from './FieldError';

export interface TextFieldProps {
  readonly path: string;
  readonly label: string;
  readonly help: string;
  /** The key of the form field whose refusal shows here (default: path; null: none, a list shows it once). */
  readonly errorKey?: string | null;
  readonly toText?: (v: unknown) => string;
  readonly fromText?: (text: string) => unknown;
  readonly inputMode?: 'decimal' | 'numeric' | 'text';
  readonly placeholder?: string;
  readonly testId?: string;
  readonly wide?: boolean;
  /** Write the value some other way than editField(path, value). */
  readonly onEdit?: (value: unknown) => void;
}

export function TextField({
  path,
  label,
  help,
  errorKey,
  toText = valueToText,
  fromText = numberFromText,
  inputMode = 'decimal',
  placeholder,
  testId,
  wide,
  onEdit,
}: TextFieldProps) {
  const value = useTrainer((s) => getAt(s.doc, path));
  const editField = useTrainer((s) => s.editField);
  const write = onEdit ?? ((v: unknown) => editField(path, v));
  const [text, setText] = useState(() => toText(value));
  const key = errorKey === undefined ? path : errorKey;
  return (
    <div className={`field${wide ? ' field-wide' : ''}`}>
      <label title={help}>
        <span className="field-label">{label}</span>
        <input
          type="text"
          inputMode={inputMode}
          value={text}
          placeholder={placeholder}
          data-testid={testId ?? `field-${path}`}
          aria-describedby={`help-${path}`}
          onChange={(e) => {
            setText(e.target.value);
            write(fromText(e.target.value));
          }}
        />
      </label>
      {help !== '' && (
        <span id={`help-${path}`} className="field-help">
          {help}
        </span>
      )}
      {key !== null && <FieldError fieldKey={key} />}
    </div>
  );
}

export interface ChoiceFieldProps {
  readonly path: string;
  readonly label: string;
  readonly help: string;
  readonly choices: readonly string[];
}

export function ChoiceField({ path, label, help, choices }: ChoiceFieldProps) {
  const value = useTrainer((s) => getAt(s.doc, path));
  const editField = useTrainer((s) => s.editField);
  const current = typeof value === 'string' ? value : choices[0];
  return (
    <div className="field">
      <label title={help}>
        <span className="field-label">{label}</span>
        <select value={current} data-testid={`field-${path}`} onChange={(e) => editField(path, e.target.value)}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <span className="field-help">{help}</span>
      <FieldError fieldKey={path} />
    </div>
  );
}
