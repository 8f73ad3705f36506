// The bench page's own benchmark (bench.html without ?drive=1), run inside the bench worker: every
// case (S runs, V_M shared or per run) measured on the page's engines interleaved by rounds
// (benchSchedule.ts), each engine driven through the worker's own BenchEngineApi, then the table
// (benchTable.ts) with the reference-equation and executed FLOP models. The page only shows the text.
import type { BenchCase } from './bench';
import { remoteParticipant } from './benchParticipant';
import { runCase } from './benchSchedule';
import { caseRows, formatBench, mnistCosts, type BenchRow } from './benchTable';
import type { BenchEngineApi, PageBenchRequest, PageBenchResult } from './contract';

/** The cases of a request, in order: each S with each V_M sharing (per run only where S > 1). */
export function pageBenchCases(request: PageBenchRequest): BenchCase[] {
  return request.runs.flatMap((runs) =>
    request.vm.filter((vm) => vm === 'shared' || runs > 1).map((vm): BenchCase => ({ runs, vm })),
  );
}

/** Runs the request's cases on `api`'s engines; `progress` hears which case is running. */
export async function runPageBench(
  request: PageBenchRequest,
  api: BenchEngineApi,
  progress: (line: string) => void,
): Promise<PageBenchResult> {
  const participants = request.backends.map((b) => remoteParticipant('chromium', b, api, request.blockSize));
  const costs = mnistCosts();
  const rows: BenchRow[] = [];
  for (const c of pageBenchCases(request)) {
    progress(`running ${c.runs} runs (${c.vm})…`);
    rows.push(...caseRows(await runCase(c, participants, request.rounds, request.minSeconds), costs, null));
  }
  return { rows, table: formatBench(rows, costs, null) };
}
