// The table of docs/STUDIO.md's "Presets: what to expect" from the files scripts/measure-presets.sh
// wrote: cumulative accuracy after 100 examples and at the end, mean ± sample std over the runs.
//   node scripts/presets-table.mjs [OUT]   (default /tmp/vsml-presets)
import { existsSync, readFileSync } from 'node:fs';

const out = process.argv[2] ?? '/tmp/vsml-presets';
const presets = ['mnist', 'mnist-to-fashion', 'sum-sign', 'shuffled-pixels', 'five-classes'];
const learners = ['vsml-mnist', 'sgd', 'adam', 'sgd-deep', 'adam-deep'];
const cell = (s) => (s ? `${s.mean.toFixed(3)} ± ${(s.std ?? 0).toFixed(3)}` : '—');

console.log(`| preset | ${learners.map((l) => (l === 'vsml-mnist' ? 'VSML' : l)).join(' | ')} |`);
console.log(`|---|${learners.map(() => '---').join('|')}|`);
for (const p of presets) {
  const row = learners.map((l) => {
    const f = `${out}/${p}-${l}.json`;
    if (!existsSync(f)) return '—';
    const d = JSON.parse(readFileSync(f, 'utf8'));
    return `${cell(d.cumulativeAccuracy.at100)} → **${cell(d.cumulativeAccuracy.atEnd)}**`;
  });
  console.log(`| ${p} | ${row.join(' | ')} |`);
}
