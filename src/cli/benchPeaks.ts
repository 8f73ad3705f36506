// The CPU's fp32 peak for the bench, read in Node: cores from os.availableParallelism(), the clock from
// lscpu's "CPU max MHz" when it prints one, else /proc/cpuinfo's "cpu MHz", else os.cpus()[0].speed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { cpuPeak, type Peak } from '../model/costModel';

/** The first "<key>: <number>" line of lscpu or /proc/cpuinfo text. */
export function readMhz(text: string, key: string): number | null {
  const line = text.split('\n').find((l) => l.split(':')[0].trim() === key);
  const v = line ? Number(line.split(':')[1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : null;
}

export function nodeCpuPeak(): Peak {
  const cores = availableParallelism();
  const lscpu = spawnSync('lscpu', { encoding: 'utf8' });
  let mhz = lscpu.status === 0 ? readMhz(lscpu.stdout, 'CPU max MHz') : null;
  let from = 'lscpu CPU max MHz';
  if (mhz === null && existsSync('/proc/cpuinfo')) {
    mhz = readMhz(readFileSync('/proc/cpuinfo', 'utf8'), 'cpu MHz');
    from = '/proc/cpuinfo cpu MHz';
  }
  if (mhz === null) {
    mhz = cpus()[0]?.speed || null;
    from = 'os.cpus() speed';
  }
  if (mhz === null) return { gflops: null, gbps: null, source: `${cores} cores, clock unknown` };
  const p = cpuPeak(cores, mhz);
  return { ...p, source: `${p.source}; clock from ${from}` };
}
