// The state of the "explain this step" view: the explanation shown (run 0's last example, from the
// worker), the stage, what is picked (layer, cell, dimension j, h or c), and the slow-motion player
// (auto-advance at a pace: through the stages, then on to the next example). Asking for the next
// example pauses the session and advances it by one (the worker's explainNext); a refusal is kept as
// a message and the last explanation stays.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExplainReply, ReproduceReply, Explanation } from '../../worker/session/contract';
import { clampCell, type CellRef, type StateVector } from './explainNumbers';
import { STAGES } from './stages';
import { errorMessage } from '../../model/result';

/** What the view needs of the page's controller (StudioController's explain calls). */
export interface ExplainPort {
  explainNext(): Promise<ExplainReply>;
  reproduce(): Promise<ReproduceReply>;
}

/** Seconds per stage of the slow-motion player; 0: wait for "Next". */
export const PACES = [0, 1.5, 3, 6] as const;

export interface ExplainView {
  readonly explanation: Explanation | null;
  readonly agreement: number | null;
  /**
   * The explained example's index in reproduce()'s stream (the T of `vsml trace --explain`): it differs from
   * explanation.example once a drawing was taught or a fresh episode began.
   */
  readonly traceIndex: number | null;
  readonly busy: boolean;
  readonly error: string | null;
  readonly stage: number;
  readonly cell: CellRef;
  readonly j: number;
  readonly vector: StateVector;
  readonly pace: number;
  setStage(stage: number): void;
  next(): void;
  back(): void;
  nextExample(): Promise<void>;
  setCell(cell: Partial<CellRef>): void;
  setJ(j: number): void;
  setVector(v: StateVector): void;
  setPace(seconds: number): void;
}

/** The first cell shown: the middle row of the label's column, a pixel with ink on an image. */
function firstCell(ex: Explanation): CellRef {
  const L = ex.layers[0];
  let a = Math.floor(L.A / 2);
  let best = -Infinity;
  for (let k = 0; k < ex.input.length; k++) if (ex.input[k] > best) [best, a] = [ex.input[k], k];
  return clampCell(ex, { layer: 0, a, b: ex.label });
}

export function useExplain(port: ExplainPort): ExplainView {
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [agreement, setAgreement] = useState<number | null>(null);
  const [traceIndex, setTraceIndex] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStageState] = useState(0);
  const [cell, setCellState] = useState<CellRef>({ layer: 0, a: 0, b: 0 });
  const [j, setJState] = useState(0);
  const [vector, setVector] = useState<StateVector>('c');
  const [pace, setPace] = useState(0);
  const inFlight = useRef(false);
  const shown = useRef<Explanation | null>(null);

  const nextExample = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const reply = await port.explainNext();
      if (!reply.ok) {
        setError(reply.message);
        setPace(0);
        return;
      }
      const ex = reply.explanation;
      setError(null);
      const first = shown.current === null;
      shown.current = ex;
      setExplanation(ex);
      setCellState((c) => (first ? firstCell(ex) : clampCell(ex, c)));
      setJState((v) => Math.min(v, ex.stateSize - 1));
      setAgreement(reply.agreement);
      setTraceIndex(reply.traceIndex);
      setStageState(0);
    } catch (e) {
      setError(`explain: ${errorMessage(e)}`);
      setPace(0);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, [port]);

  const last = STAGES.length - 1;
  const setStage = useCallback((s: number) => setStageState(Math.max(0, Math.min(last, s))), [last]);
  const next = useCallback(() => {
    if (stage < last) setStageState(stage + 1);
    else void nextExample();
  }, [stage, last, nextExample]);
  const back = useCallback(() => setStageState((s) => Math.max(0, s - 1)), []);

  // The first example when the view opens.
  useEffect(() => {
    void nextExample();
  }, [nextExample]);

  // Slow motion: one stage every `pace` seconds, then the next example.
  useEffect(() => {
    if (pace <= 0 || busy || !explanation) return;
    const timer = setTimeout(next, pace * 1000);
    return () => clearTimeout(timer);
  }, [pace, busy, explanation, next]);

  const setCell = useCallback(
    (patch: Partial<CellRef>) =>
      setCellState((c) => (explanation ? clampCell(explanation, { ...c, ...patch }) : { ...c, ...patch })),
    [explanation],
  );
  const setJ = useCallback(
    (v: number) => setJState(Math.max(0, Math.min((explanation?.stateSize ?? 1) - 1, Math.trunc(v)))),
    [explanation],
  );

  return {
    explanation,
    agreement,
    traceIndex,
    busy,
    error,
    stage,
    cell,
    j,
    vector,
    pace,
    setStage,
    next,
    back,
    nextExample,
    setCell,
    setJ,
    setVector,
    setPace,
  };
}
