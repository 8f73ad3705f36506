// Interleaved measurement: for each case every participant (an engine in Node, in Chromium, or the
// numpy peer) is prepared, then the rounds run round-robin, one segment per participant per round,
// the starting participant rotating by one each round (round r: participants r, r+1, ..., wrapping), so
// that every engine sees the same machine load and ratios are taken within one round.
import type { BenchCase, Segment } from './bench';
import { errorMessage } from '../../model/result';

export interface BenchParticipant {
  /** Unique label, e.g. 'node reference', 'chromium webgpu', 'numpy'. */
  readonly id: string;
  readonly environment: string;
  /** reference | cpu | webgpu | numpy */
  readonly backend: string;
  /** Make (and warm up) the engine for the case; returns what computes (adapter, threads, ...). */
  prepare(c: BenchCase): Promise<string>;
  measure(minSeconds: number): Promise<Segment>;
  release(): Promise<void>;
}

/** The participant indices of each round: round r starts at r mod P. */
export function interleaveOrder(participants: number, rounds: number): number[][] {
  return Array.from({ length: rounds }, (_, r) =>
    Array.from({ length: participants }, (_, k) => (r + k) % participants),
  );
}

export interface ParticipantResult {
  readonly id: string;
  readonly environment: string;
  readonly backend: string;
  readonly description: string;
  /** One segment per round (in round order), or null where it was skipped. */
  readonly segments: (Segment | null)[];
  /** Why it did not run (preparation or a measurement failed), or null. */
  readonly error: string | null;
}

export interface CaseResult {
  readonly case: BenchCase;
  readonly participants: ParticipantResult[];
}

/** Runs one case: prepare all, `rounds` interleaved rounds of `minSeconds` segments, release all. */
export async function runCase(
  c: BenchCase,
  participants: readonly BenchParticipant[],
  rounds: number,
  minSeconds: number,
  log: (line: string) => void = () => {},
): Promise<CaseResult> {
  const state = participants.map((p) => ({
    p,
    description: '',
    error: null as string | null,
    segments: Array<Segment | null>(rounds).fill(null),
  }));
  for (const s of state) {
    try {
      s.description = await s.p.prepare(c);
    } catch (e) {
      s.error = `prepare: ${errorMessage(e)}`;
      log(`${s.p.id} S=${c.runs} ${c.vm}: not run (${s.error})`);
    }
  }
  for (const [r, order] of interleaveOrder(state.length, rounds).entries()) {
    for (const k of order) {
      const s = state[k];
      if (s.error) continue;
      try {
        const seg = await s.p.measure(minSeconds);
        s.segments[r] = seg;
        log(`round ${r + 1} ${s.p.id} S=${c.runs} ${c.vm}: ${seg.examples} examples in ${seg.seconds.toFixed(2)} s`);
      } catch (e) {
        s.error = `round ${r + 1}: ${errorMessage(e)}`;
        log(`${s.p.id} S=${c.runs} ${c.vm}: stopped (${s.error})`);
      }
    }
  }
  for (const s of state) {
    try {
      await s.p.release();
    } catch (e) {
      log(`${s.p.id}: release failed (${errorMessage(e)})`);
    }
  }
  return {
    case: c,
    participants: state.map((s) => ({
      id: s.p.id,
      environment: s.p.environment,
      backend: s.p.backend,
      description: s.description,
      segments: s.segments,
      error: s.error,
    })),
  };
}
