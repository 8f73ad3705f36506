// The reference-equation FLOP model: what the paper's equations cost per cell-tick (one multiply-add
// = 2 FLOPs; sigmoid, tanh, exp = 1 FLOP each), the same for every engine, so engines are compared on
// the same work. It is NOT what a backend executes: the kernels split the gate matmul (U_a + V_b once
// per example) and reduce before projecting; src/model/costModel.ts counts what each engine executes
// and the bytes it moves. Bench output labels GFLOP/s from this model "reference-model GFLOP/s".
// With config.backwardPass every example ticks every cell twice (the forward tick, then the reverse
// tick of reference.ts reverseTick, whose equations are the same), so an example costs two cell-ticks.
import type { VsmlConfig } from './config';
import type { LayerShape } from './state';

export interface FlopModel {
  /** FLOPs of one LSTM step of one cell: gates [2M+N] x [4N] + bias, then the cell update. */
  readonly perCellStep: number;
  /** FLOPs of one cell's two messages (W_f h + b_f, W_b h + b_b) and its share of the means. */
  readonly perCellMessages: number;
  /** FLOPs of one cell-tick: microTicks LSTM steps + the messages. */
  readonly perCellTick: number;
  /** Cells (sub-RNNs) of the grid: sum over layers of A_l * B_l. */
  readonly cells: number;
  /** Ticks of every cell per example: 1, or 2 with backwardPass (forward and reverse tick). */
  readonly ticksPerExample: number;
  /**
   * FLOPs of one example through one run: cells x ticksPerExample x perCellTick (readout and softmax ignored: O(K)).
   */
  readonly perExample: number;
  readonly formula: string;
}

export function flopModel(cfg: VsmlConfig, shapes: readonly LayerShape[]): FlopModel {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const gates = 2 * (2 * M + N) * 4 * N + 4 * N; // matmul + bias
  const update = 12 * N; // 4 nonlinearities + shifts, c' = f c + i g (3), h' = o tanh(c') (2), ...
  const perCellStep = gates + update;
  const perCellMessages = 2 * (2 * N * M + M) + 2 * M;
  const perCellTick = cfg.microTicks * perCellStep + perCellMessages;
  const cells = shapes.reduce((n, s) => n + s.A * s.B, 0);
  const ticksPerExample = cfg.backwardPass ? 2 : 1;
  const perExample = cells * ticksPerExample * perCellTick;
  return {
    perCellStep,
    perCellMessages,
    perCellTick,
    cells,
    ticksPerExample,
    perExample,
    formula:
      `per cell-tick = microTicks*(2*(2M+N)*4N + 4N + 12N) + 2*(2*N*M + M) + 2M` +
      ` = ${cfg.microTicks}*(${gates}+${update}) + ${perCellMessages} = ${perCellTick} FLOP` +
      ` (N=${N}, M=${M}); per example = cells (${cells})${cfg.backwardPass ? ' x 2 ticks (backwardPass: forward and reverse)' : ''} x that = ${(perExample / 1e6).toFixed(2)} MFLOP`,
  };
}
