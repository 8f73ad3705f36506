// "This is a …": the task's K classes as radio buttons (their pad names), the one chosen is what the
// drawing will be taught as; below, a field that renames the chosen class ("star", "house"; blank gives
// its own name back). A bad name is refused in one line beside the field.
import { useState, type FormEvent } from 'react';
import { MAX_NAME, renameClass, type UserNames } from './padClasses';

export interface ClassPickerProps {
  readonly names: readonly string[];
  readonly user: UserNames;
  readonly label: number | null;
  readonly disabled: boolean;
  onChoose(label: number): void;
  onRename(names: UserNames): void;
}

export function ClassPicker({ names, user, label, disabled, onChoose, onRename }: ClassPickerProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const K = names.length;
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (label === null) return;
    const r = renameClass(user, label, text, K);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setError(null);
    setText('');
    onRename(r.names);
  };
  return (
    <div className="pad-classes">
      <fieldset disabled={disabled}>
        <legend>It is a …</legend>
        <div className="pad-class-list">
          {names.map((name, k) => (
            <label
              key={k}
              className={k === label ? 'pad-class chosen' : 'pad-class'}
              title={user[k] !== undefined ? `class ${k}, renamed` : `class ${k}`}
            >
              <input
                type="radio"
                name="pad-class"
                value={k}
                checked={k === label}
                data-testid={`pad-class-${k}`}
                onChange={() => onChoose(k)}
              />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <form className="pad-rename" onSubmit={rename}>
        <label>
          {label === null ? 'Choose a class to rename it' : `Rename “${names[label]}” to`}{' '}
          <input
            type="text"
            value={text}
            maxLength={MAX_NAME + 8}
            placeholder="e.g. star"
            data-testid="pad-rename-input"
            disabled={disabled || label === null}
            onChange={(e) => setText(e.target.value)}
          />
        </label>{' '}
        <button type="submit" data-testid="pad-rename" disabled={disabled || label === null}>
          Rename
        </button>
        {error && (
          <p className="refusal" role="alert" data-testid="pad-rename-error">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
