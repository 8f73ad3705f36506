// "Teach it your own symbols": the drawing pad's panel, shown above the live views while open. Draw →
// "What does VSML think?" (run 0's probabilities for the drawing, nothing changes) → choose the class
// it is (rename one: "star") → "Teach" (every run learns from the drawing as one labelled example,
// outside the stream) → the probabilities before and after, and an invitation to draw it again. The
// drawings taught on this page are kept (pad store) and export as an IDX pair the data panel reads.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { downloadBlob } from '../charts/export';
import { InfoButton } from '../help/InfoButton';
import { useStudio, useStudioState } from '../session/context';
import { centreLikeMnist } from './centre';
import { ClassPicker } from './ClassPicker';
import { DrawingPad } from './DrawingPad';
import { emptyInk, inkPixels, isBlank, type InkGrid } from './ink';
import { PadBars } from './PadBars';
import { padClassNames } from './padClasses';
import { askPad, exportPad, teachPad, type PadSession } from './padFlow';
import { PadInput } from './PadInput';
import { PadLesson } from './PadLesson';
import { padShape } from './padShape';
import { padFor } from './padStore';
import { PAD_PANEL_ID, setPadOpen } from './PadToggle';
import './pad.css';

const PAD_SIZE = 280;

export function PadPanel() {
  const studio = useStudio();
  const pad = padFor(studio);
  const p = useStore(pad);
  const info = useStudioState((s) => s.info);
  const resize = useStudioState((s) => s.settings.resize);
  const serial = useStudioState((s) => s.sessionSerial);
  const playing = useStudioState((s) => s.playing);
  const shape = padShape(info, resize);
  const side = shape.ok ? shape.width : 28;
  const ink = useRef<InkGrid>(emptyInk(side));
  if (ink.current.side !== side) ink.current = emptyInk(side);
  const [revision, setRevision] = useState(0);
  const canvasBox = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const session: PadSession = studio;

  useEffect(() => {
    if (p.open) heading.current?.focus();
  }, [p.open]);

  const K = info?.numClasses ?? 0;
  const names = useMemo(() => padClassNames(K, info?.classNames ?? [], p.names), [K, info?.classNames, p.names]);
  if (!p.open) return null;

  const blank = isBlank(ink.current);
  const drawing = () => {
    const raw = { width: side, height: side, pixels: inkPixels(ink.current) };
    return p.centred ? (centreLikeMnist(raw)?.drawing ?? raw) : raw;
  };
  const clear = () => {
    ink.current.values.fill(0);
    setRevision((r) => r + 1);
    canvasBox.current?.querySelector('canvas')?.focus();
  };
  const guess = p.guess && p.guess.session === serial ? p.guess : null;
  const stale = guess !== null && guess.revision !== revision;
  const lesson = p.lesson && p.lesson.session === serial && p.lesson.label < K ? p.lesson : null;
  const label = p.label !== null && p.label < K ? p.label : null;
  const busy = p.busy !== null;
  const again =
    lesson && guess && guess.revision !== lesson.revision && label === lesson.label && !stale ? lesson : null;

  const exportIdx = (part: 'images' | 'labels') => {
    const r = exportPad(pad);
    if (!r.ok) {
      pad.getState().set({ error: r.message });
      return;
    }
    const bytes = part === 'images' ? r.files.images : r.files.labels;
    downloadBlob(
      new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }),
      part === 'images' ? 'vsml-drawings-images-idx3-ubyte' : 'vsml-drawings-labels-idx1-ubyte',
    );
  };

  return (
    <section
      id={PAD_PANEL_ID}
      className="card pad-panel"
      aria-labelledby="pad-title"
      data-testid="pad-panel"
      data-busy={p.busy ?? ''}
    >
      <div className="card-head">
        <div className="with-info">
          <h2 id="pad-title" ref={heading} tabIndex={-1}>
            Teach it your own symbols
          </h2>
          <InfoButton
            id="pad"
            title="Teach it your own symbols"
            what="A pad where you draw a symbol, 28 by 28 pixels like an MNIST digit. VSML (run 0) guesses what it is; then you tell it, and every run learns from that one drawing the way it learns from the stream: the error is fed back to its sub-RNNs, no gradient."
            read="The bars are the probability run 0 gives each class for your drawing (its guess has the tallest bar). After teaching, grey is before it was told, blue after; the class you taught is highlighted with its change."
            good="A fast learner moves a lot of probability onto your class after one example, and gives a new drawing of the same symbol a higher probability than before you taught it: fast association, on symbols it never saw."
          />
        </div>
        <button type="button" data-testid="pad-close" onClick={() => setPadOpen(studio, pad, false, playing)}>
          ✕ Close
        </button>
      </div>
      <p className="small muted">
        Draw a symbol. VSML guesses first; then you say what it is and it learns from that one example. The session is
        paused while the pad is open{p.resume ? ' and plays again when you close it' : ''}; a lesson does not count in
        the accuracy curves.
      </p>
      {!shape.ok ? (
        <p className="banner banner-warn" data-testid="pad-disabled">
          {shape.reason}
        </p>
      ) : (
        <div className="pad-grid">
          <div className="pad-left" ref={canvasBox}>
            <DrawingPad
              ink={ink.current}
              revision={revision}
              size={PAD_SIZE}
              disabled={busy}
              onChange={() => setRevision((r) => r + 1)}
            />
            <div className="pad-tools">
              <button type="button" data-testid="pad-clear" onClick={clear} disabled={busy || blank}>
                Clear
              </button>
              <label title="Scale the drawing to fit 20 x 20 pixels and move its centre of mass to the middle, as MNIST's digits were prepared">
                <input
                  type="checkbox"
                  data-testid="pad-centre"
                  checked={p.centred}
                  onChange={(e) => pad.getState().set({ centred: e.target.checked })}
                />{' '}
                centre and size like MNIST
              </label>
            </div>
            {guess && <PadInput input={guess.prediction.input} shape={info?.imageShape ?? null} />}
          </div>
          <div className="pad-right">
            <button
              type="button"
              className="primary"
              data-testid="pad-ask"
              disabled={busy || blank}
              onClick={() => void askPad(session, pad, drawing(), revision, serial)}
            >
              {p.busy === 'asking' ? 'Asking…' : 'What does VSML think?'}
            </button>
            {blank && <span className="small muted"> draw something first</span>}
            {guess && (
              <div className="pad-guess" data-testid="pad-guess" data-revision={guess.revision}>
                <p>
                  VSML guesses <b data-testid="pad-guess-name">{names[guess.prediction.predicted]}</b> (p ={' '}
                  {guess.prediction.probabilities[guess.prediction.predicted].toFixed(3)})
                  {stale && <span className="muted"> — for the drawing before your last stroke; ask again</span>}
                </p>
                {again && (
                  <p data-testid="pad-again">
                    Before you taught it, your first “{names[again.label]}” got p ={' '}
                    {again.before.probabilities[again.label].toFixed(3)}; this new drawing gets p ={' '}
                    <b>{guess.prediction.probabilities[again.label].toFixed(3)}</b>.
                  </p>
                )}
                <PadBars
                  id="guess"
                  names={names}
                  probabilities={guess.prediction.probabilities}
                  before={null}
                  predicted={guess.prediction.predicted}
                  highlight={label ?? -1}
                  stale={stale}
                />
              </div>
            )}
            <ClassPicker
              names={names}
              user={p.names}
              label={label}
              disabled={busy}
              onChoose={(k) => pad.getState().set({ label: k })}
              onRename={(n) => pad.getState().set({ names: n })}
            />
            <button
              type="button"
              className="primary"
              data-testid="pad-teach"
              disabled={busy || blank || label === null}
              onClick={() => label !== null && void teachPad(session, pad, drawing(), label, revision, serial)}
            >
              {p.busy === 'teaching'
                ? 'Teaching…'
                : label === null
                  ? 'Teach: choose what it is first'
                  : `Teach: this is “${names[label]}”`}
            </button>
            {p.error && (
              <p className="refusal" role="alert" data-testid="pad-error">
                {p.error}
              </p>
            )}
            {lesson && <PadLesson lesson={lesson} names={names} onDrawAgain={clear} />}
            <div className="pad-export">
              <span data-testid="pad-count" data-count={p.drawings.length}>
                {p.drawings.length} drawing{p.drawings.length === 1 ? '' : 's'} taught on this page
              </span>
              <span role="group" aria-label="export the drawings taught as IDX files">
                Export (IDX):{' '}
                <button
                  type="button"
                  data-testid="pad-export-images"
                  disabled={p.drawings.length === 0}
                  onClick={() => exportIdx('images')}
                >
                  images
                </button>{' '}
                <button
                  type="button"
                  data-testid="pad-export-labels"
                  disabled={p.drawings.length === 0}
                  onClick={() => exportIdx('labels')}
                >
                  labels
                </button>
              </span>
              <span className="small muted">
                load both in the data panel (IDX from disk) to replay them as a stream.
              </span>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
