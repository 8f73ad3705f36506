// The config form, drawn from the property table (configFields.ts): the run's scalars, the task
// distribution (datasets with their files, projection, resize sides, class subsets) and the held-out
// evaluations. Every edit goes into the document; the controller checks it (debounced) and a refusal
// shows beside its field. Read-only while a run exists.
import {
  classesFromText,
  classesToText,
  classSubsetsFromText,
  classSubsetsToText,
  getAt,
  projectFlags,
  projectFromFlags,
  sideFromText,
  sidesFromText,
  sidesToText,
  sideToText,
} from '../configDoc';
import { FORM_FIELDS, inputSizes, type FormField } from '../configFields';
import { isActive } from '../frameChange';
import { useTrainer } from '../trainerStore';
import { DatasetRef } from './DatasetRef';
import { FieldError } from './FieldError';
import { ChoiceField, TextField } from './fields';

function ProjectField({ field }: { readonly field: FormField }) {
  const value = useTrainer((s) => getAt(s.doc, field.key));
  const editField = useTrainer((s) => s.editField);
  const { raw, projected } = projectFlags(value);
  return (
    <div className="field">
      <span className="field-label">{field.label}</span>
      <span className="row tight">
        <label>
          <input
            type="checkbox"
            checked={raw}
            data-testid="field-tasks.project-raw"
            onChange={(e) => editField(field.key, projectFromFlags(e.target.checked, projected))}
          />
          raw inputs
        </label>
        <label>
          <input
            type="checkbox"
            checked={projected}
            data-testid="field-tasks.project-projected"
            onChange={(e) => editField(field.key, projectFromFlags(raw, e.target.checked))}
          />
          random projection
        </label>
      </span>
      <span className="field-help">{field.help}</span>
      <FieldError fieldKey={field.key} />
    </div>
  );
}

function InputSizeNote() {
  const sides = useTrainer((s) => getAt(s.doc, 'tasks.resize'));
  const sizes = inputSizes(sides);
  if (sizes.length === 0) return null;
  return (
    <p className="small muted" data-testid="input-size">
      input size A: {sizes.map((a) => (a === null ? "the dataset's own" : String(a))).join(', ')}
    </p>
  );
}

function TaskDatasets({ field, revision }: { readonly field: FormField; readonly revision: number }) {
  const list = useTrainer((s) => getAt(s.doc, field.key));
  const editField = useTrainer((s) => s.editField);
  const items = Array.isArray(list) ? list : [];
  return (
    <div className="field field-wide">
      <span className="field-label" title={field.help}>
        {field.label}
      </span>
      {items.map((_, i) => (
        <div key={`${revision}-${i}`} className="list-row">
          <DatasetRef path={`${field.key}[${i}]`} testId={`task-dataset-${i}`} />
          {items.length > 1 && (
            <button
              type="button"
              className="link"
              onClick={() =>
                editField(
                  field.key,
                  items.filter((__, j) => j !== i),
                )
              }
            >
              remove
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="link"
        data-testid="add-task-dataset"
        onClick={() => editField(field.key, [...items, 'mnist'])}
      >
        + dataset
      </button>
      <span className="field-help">{field.help}</span>
      <FieldError fieldKey={field.key} />
    </div>
  );
}

function EvalDatasets({ field, revision }: { readonly field: FormField; readonly revision: number }) {
  const list = useTrainer((s) => getAt(s.doc, field.key));
  const editField = useTrainer((s) => s.editField);
  const editEvaluation = useTrainer((s) => s.editEvaluation);
  const items = Array.isArray(list) ? list : [];
  return (
    <div className="field field-wide">
      <span className="field-label" title={field.help}>
        {field.label}
      </span>
      {items.map((item, i) => {
        const at = `${field.key}[${i}]`;
        const project = getAt(item, 'project') === true;
        return (
          <div key={`${revision}-${i}`} className="list-row eval-row">
            <DatasetRef
              path={`${at}.dataset`}
              testId={`eval-dataset-${i}`}
              onRef={(ref) => editEvaluation(i, 'dataset', ref)}
            />
            <TextField
              path={`${at}.resize`}
              label="resize"
              help=""
              errorKey={null}
              toText={sideToText}
              fromText={sideFromText}
              inputMode="text"
              placeholder="none"
              testId={`eval-resize-${i}`}
              onEdit={(v) => editEvaluation(i, 'resize', v)}
            />
            <TextField
              path={`${at}.classes`}
              label="classes"
              help=""
              errorKey={null}
              toText={classesToText}
              fromText={classesFromText}
              inputMode="text"
              placeholder="all"
              testId={`eval-classes-${i}`}
              onEdit={(v) => editEvaluation(i, 'classes', v)}
            />
            <label className="small">
              <input
                type="checkbox"
                checked={project}
                onChange={(e) => editEvaluation(i, 'project', e.target.checked)}
              />
              projected
            </label>
            {items.length > 1 && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  editField(
                    field.key,
                    items.filter((_, j) => j !== i),
                  )
                }
              >
                remove
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="link"
        data-testid="add-eval-dataset"
        onClick={() => editField(field.key, [...items, { dataset: 'mnist', split: 'test' }])}
      >
        + held-out dataset
      </button>
      <span className="field-help">{field.help}</span>
      <FieldError fieldKey={field.key} />
    </div>
  );
}

function Field({ field, revision }: { readonly field: FormField; readonly revision: number }) {
  switch (field.kind) {
    case 'int':
    case 'number':
      return (
        <TextField
          path={field.key}
          label={field.label}
          help={field.help}
          inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
        />
      );
    case 'choice':
      return <ChoiceField path={field.key} label={field.label} help={field.help} choices={field.choices ?? []} />;
    case 'sides':
      return (
        <>
          <TextField
            path={field.key}
            label={field.label}
            help={field.help}
            toText={sidesToText}
            fromText={sidesFromText}
            inputMode="text"
          />
          <InputSizeNote />
        </>
      );
    case 'class-subsets':
      return (
        <TextField
          path={field.key}
          label={field.label}
          help={field.help}
          toText={classSubsetsToText}
          fromText={classSubsetsFromText}
          inputMode="text"
          wide
        />
      );
    case 'project':
      return <ProjectField field={field} />;
    case 'datasets':
      return <TaskDatasets field={field} revision={revision} />;
    case 'eval-datasets':
      return <EvalDatasets field={field} revision={revision} />;
  }
}

const SECTIONS: readonly { readonly id: FormField['section']; readonly title: string }[] = [
  { id: 'run', title: 'Meta-training' },
  { id: 'tasks', title: 'Task distribution' },
  { id: 'evaluation', title: 'Held-out evaluation' },
];

export function ConfigForm() {
  const revision = useTrainer((s) => s.docRevision);
  const active = useTrainer((s) => isActive(s.frame?.state));
  return (
    <fieldset className="config-form" disabled={active} data-testid="config-form">
      {active && <p className="small muted">The running run's config; stop it to edit.</p>}
      {SECTIONS.map((sec) => (
        <section key={sec.id} aria-label={sec.title}>
          <h3>{sec.title}</h3>
          <div className="fields">
            {FORM_FIELDS.filter((f) => f.section === sec.id).map((f) => (
              <Field key={`${f.key}@${revision}`} field={f} revision={revision} />
            ))}
          </div>
        </section>
      ))}
    </fieldset>
  );
}
