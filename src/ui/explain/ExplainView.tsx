// "Explain this step": ONE example of run 0 in slow motion, in place of the live views. Seven stages
// (stages.ts), each held until Next (→) or Back (←), or played at a chosen pace; every number is the
// worker's explanation of the example the session just took (the CPU reference on run 0's read-back
// state), with the engine's own agreement. A caption in plain words and the paper's equations beside
// each drawing; a layer picker for a learner with hidden layers; "Download to reproduce" for the CLI.
// Close (or Escape) returns to the live views, playing again if they played when it opened. In
// presentation mode the charts take the larger theme and the view scrolls inside the page's last row.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ChartThemeContext, DEFAULT_CHART_THEME, PRESENTATION_CHART_THEME } from '../charts/chartTheme';
import { useSize } from '../layout/useSize';
import { useStudioState } from '../session/context';
import { Equation } from './Equation';
import { tolerance } from './explainNumbers';
import { ReproducePanel } from './ReproducePanel';
import { StageBody } from './StageBody';
import { STAGES } from './stages';
import { PACES, useExplain, type ExplainPort } from './useExplain';
import './explain.css';

export interface ExplainViewProps {
  readonly port: ExplainPort;
  readonly onClose: () => void;
}

const isField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && t.closest('input, select, textarea, [contenteditable="true"]') !== null;

function agreementText(agreement: number, backend: string): string {
  if (agreement === 0) return `The engine's own state after this example (${backend}) is the same, number for number.`;
  return `The engine's own state after this example (${backend}) agrees with these numbers within ${tolerance(agreement)} (largest difference in h, c and y).`;
}

export function ExplainView({ port, onClose }: ExplainViewProps) {
  const view = useExplain(port);
  const info = useStudioState((s) => s.info);
  const learner = useStudioState((s) => s.settings.learner);
  const learnerFile = useStudioState((s) => s.learnerFile);
  const present = useStudioState((s) => s.settings.present);
  const heading = useRef<HTMLHeadingElement>(null);
  const [box, size] = useSize<HTMLDivElement>({ width: 760, height: 600 });
  useEffect(() => heading.current?.focus(), []);

  const ex = view.explanation;
  const stage = STAGES[view.stage];
  const classNames = info?.classNames ?? [];
  const names = (k: number) => classNames[k] ?? String(k);
  const last = view.stage === STAGES.length - 1;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey || isField(e.target)) return;
    if (e.key === 'ArrowRight') view.next();
    else if (e.key === 'ArrowLeft') view.back();
    else if (e.key === 'Escape') onClose();
    // Space plays the live session elsewhere on the page; here it is nobody's (a focused button takes it itself).
    else if (
      e.key !== ' ' ||
      (e.target instanceof HTMLElement && e.target.closest('button, a, summary, [role=button]'))
    )
      return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section
      className="explain"
      data-testid="explain-view"
      data-stage={stage.id}
      data-example={ex?.example ?? -1}
      data-predicted={ex?.predicted ?? -1}
      data-busy={view.busy}
      aria-labelledby="explain-title"
      data-arrow-keys
      onKeyDown={onKeyDown}
    >
      <header className="explain-head">
        <h2 id="explain-title" ref={heading} tabIndex={-1}>
          Explain this step{' '}
          {ex && (
            <span className="explain-sub" data-testid="explain-example">
              example {ex.example + 1} of run 0 · label “{names(ex.label)}” · predicted “{names(ex.predicted)}”{' '}
              {ex.predicted === ex.label ? '✓' : '✗'}
            </span>
          )}
        </h2>
        {ex && ex.layers.length > 1 && (
          <label>
            layer{' '}
            <select
              data-testid="explain-layer"
              value={view.cell.layer}
              onChange={(e) => view.setCell({ layer: Number(e.target.value) })}
            >
              {ex.layers.map((L, l) => (
                <option key={l} value={l}>
                  {l + 1}: {L.A} × {L.B}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="explain-close"
          data-testid="explain-close"
          onClick={onClose}
          aria-keyshortcuts="Escape"
        >
          ✕ Back to the live views
        </button>
      </header>

      <nav aria-label="stages">
        <ol className="explain-stepper">
          {STAGES.map((s, k) => (
            <li key={s.id}>
              <button
                type="button"
                data-testid={`explain-stage-${k + 1}`}
                aria-current={k === view.stage ? 'step' : undefined}
                className={k < view.stage ? 'done' : undefined}
                onClick={() => view.setStage(k)}
              >
                <span className="step-n">{k + 1}</span> {s.short}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {view.error && (
        <p role="alert" className="banner banner-error" data-testid="explain-error-message">
          {view.error}
        </p>
      )}

      <div className="explain-main">
        <div className="explain-drawing" ref={box}>
          {ex ? (
            <ChartThemeContext.Provider value={present ? PRESENTATION_CHART_THEME : DEFAULT_CHART_THEME}>
              <StageBody
                id={stage.id}
                ex={ex}
                classNames={classNames}
                imageShape={info?.imageShape ?? null}
                view={view}
                width={size.width}
              />
            </ChartThemeContext.Provider>
          ) : (
            <p className="muted">
              {view.busy ? 'Taking one example and reading run 0’s state back…' : 'No example yet.'}
            </p>
          )}
        </div>
        <aside className="explain-text" aria-live="polite">
          <h3 data-testid="explain-stage-title">
            {view.stage + 1} / {STAGES.length} · {stage.title}
          </h3>
          {ex && (
            <p className="explain-caption" data-testid="explain-caption">
              <Equation source={stage.caption({ ex, classNames, layer: view.cell.layer })} />
            </p>
          )}
          <div className="explain-equations" data-testid="explain-equations" aria-label="the paper's equations">
            {stage.equations.map((e) => (
              <p key={e} className="eq">
                <Equation source={e} />
              </p>
            ))}
          </div>
          {ex && view.agreement !== null && (
            <p className="small muted" data-testid="explain-agreement" data-value={view.agreement}>
              {agreementText(view.agreement, info?.backend ?? 'engine')}
            </p>
          )}
        </aside>
      </div>

      <footer className="explain-nav">
        <button
          type="button"
          data-testid="explain-back"
          disabled={view.stage === 0}
          onClick={view.back}
          aria-keyshortcuts="ArrowLeft"
        >
          ◂ Back
        </button>
        <button
          type="button"
          className="primary"
          data-testid="explain-next"
          disabled={view.busy}
          onClick={view.next}
          aria-keyshortcuts="ArrowRight"
        >
          {last ? 'Next example ▸' : 'Next ▸'}
        </button>
        <label>
          play at{' '}
          <select data-testid="explain-pace" value={view.pace} onChange={(e) => view.setPace(Number(e.target.value))}>
            {PACES.map((p) => (
              <option key={p} value={p}>
                {p === 0 ? 'my own pace (Next)' : `${p} s per stage`}
              </option>
            ))}
          </select>
        </label>
        {view.busy && (
          <span className="muted" role="status">
            working…
          </span>
        )}
      </footer>

      {ex && view.traceIndex !== null && (
        <ReproducePanel
          port={port}
          example={view.traceIndex}
          learner={learner}
          learnerFile={learnerFile}
          cell={view.cell}
        />
      )}
    </section>
  );
}
