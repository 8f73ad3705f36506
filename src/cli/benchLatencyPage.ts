// One backend of `bench --latency`: headless Debian Chromium (WebGPU flags of playwright.config.ts, or
// none of them for the CPU engine) opens the studio `repeats` times. Each load measures navigation →
// first example (on WebGPU also → the move onto WebGPU, after which its controls are timed), then, with the session
// playing at full speed and ≥ 20 examples seen, clicks each
// control once (CONTROLS: restart, new seeds, a preset, S 8 → 1, dataset mnist → sum-sign, pause, step)
// and reads the times the in-page probe recorded (benchLatencyProbe.ts).
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_NO_WEBGPU_ARGS, CHROMIUM_WEBGPU_ARGS } from '../../playwright.config';
import type { BackendName } from '../model/engine';
import {
  armScript,
  CONTROLS,
  firstExampleScript,
  READ_SCRIPT,
  type ControlKind,
  type ProbeRecord,
} from './benchLatencyProbe';
import type { LatencyRow, LatencySample, RowKey } from './benchLatencyTable';

export interface BackendLatency {
  readonly backend: BackendName;
  /** The studio's backend badge at the first load (the adapter, or the CPU engine and why). */
  readonly badge: string;
  readonly rows: Partial<Record<RowKey, LatencyRow>>;
  /** Lines about measurements that did not go as planned (a precondition not met in time). */
  readonly notes: string[];
}

/** Examples the session must have seen (playing) before a control is clicked. */
const WARM_EXAMPLES = 20;

/**
 * The click that changes `kind`: the session goes from the page's defaults (S = 8, MNIST) through each change in turn.
 */
async function act(page: Page, kind: ControlKind): Promise<void> {
  switch (kind) {
    case 'restart-same':
    case 'new-seeds':
    case 'step':
      return page.getByTestId(kind).click();
    case 'preset':
      return page.getByTestId('preset-shuffled-pixels').click();
    case 'runs':
      return void (await page.getByTestId('runs').selectOption('1'));
    case 'dataset':
      return void (await page.getByTestId('dataset').selectOption('sum-sign'));
    case 'pause':
      return page.getByTestId('play-pause').click();
  }
}

/** Waits until examples-seen shows ≥ `n` with the worker's loop running; false when `timeoutMs` passed first. */
async function waitPlaying(page: Page, n: number, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      (min) => {
        const el = document.querySelector('[data-testid="examples-seen"]');
        return (
          el !== null &&
          (Number((el.textContent ?? '').replace(/[^0-9]/g, '')) || 0) >= min &&
          el.getAttribute('data-playing') === 'true'
        );
      },
      n,
      { timeout: timeoutMs, polling: 100 },
    );
    return true;
  } catch {
    return false;
  }
}

const sample = (x: number | null, reached: boolean): LatencySample =>
  x !== null ? x : reached ? 'not-shown' : 'timeout';

/** Clicks `kind` with the probe armed; the two samples (pending and final effect). */
async function measure(
  page: Page,
  kind: ControlKind,
  timeoutMs: number,
): Promise<{ pending: LatencySample | null; effect: LatencySample }> {
  await page.evaluate(armScript(kind));
  await act(page, kind);
  let reached = true;
  try {
    await page.waitForFunction(() => window.__vsmlLatency?.done === true, undefined, {
      timeout: timeoutMs,
      polling: 100,
    });
  } catch {
    reached = false;
  }
  const r = (await page.evaluate(READ_SCRIPT)) as ProbeRecord | null;
  await page.evaluate(() => window.__vsmlLatency?.stop());
  if (!r?.clicked) throw new Error(`bench --latency: the click on ${kind} never reached the page`);
  const pending = kind === 'step' ? null : sample(r.pendingMs, reached);
  return { pending, effect: sample(r.effectMs, reached) };
}

const push = (
  rows: Partial<Record<RowKey, LatencyRow>>,
  key: RowKey,
  pending: LatencySample | null,
  effect: LatencySample,
): void => {
  const row = (rows[key] ??= { pending: [], effect: [] });
  if (pending !== null) row.pending.push(pending);
  row.effect.push(effect);
};

/** Measures `backend` on the studio at `url`, `repeats` page loads. */
export async function measureBackend(
  url: string,
  backend: BackendName,
  repeats: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<BackendLatency> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: backend === 'webgpu' ? CHROMIUM_WEBGPU_ARGS : CHROMIUM_NO_WEBGPU_ARGS,
  });
  const rows: Partial<Record<RowKey, LatencyRow>> = {};
  const notes: string[] = [];
  let badge = '';
  try {
    for (let r = 1; r <= repeats; r++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(firstExampleScript());
        // A fresh context is a first visit: mark the guided tour seen (src/ui/tour/tourMemory.ts's
        // TOUR_SEEN_KEY; cli may not import ui), so it does not sit over the controls.
        await page.addInitScript(() => localStorage.setItem('vsml-studio-tour-seen', '1'));
        await page.goto(url);
        let first: LatencySample = 'timeout';
        try {
          await page.waitForFunction(() => window.__vsmlFirstExample !== undefined, undefined, {
            timeout: timeoutMs,
            polling: 100,
          });
          first = await page.evaluate(() => window.__vsmlFirstExample ?? NaN);
        } catch {
          // stays 'timeout'
        }
        push(rows, 'load', null, first);
        log(`${backend} #${r} load → first example: ${typeof first === 'number' ? `${Math.round(first)} ms` : first}`);
        if (backend === 'webgpu') {
          // The session starts on the CPU engine while WebGPU compiles its kernels, then moves onto it;
          // the controls are timed on WebGPU, where the page runs once it is warm.
          let moved: LatencySample = 'timeout';
          try {
            await page.waitForFunction(
              () => /WebGPU/.test(document.querySelector('[data-testid="backend-badge"]')?.textContent ?? ''),
              undefined,
              { timeout: timeoutMs, polling: 100 },
            );
            moved = await page.evaluate(() => performance.now());
          } catch {
            // stays 'timeout'
          }
          push(rows, 'on-webgpu', null, moved);
          log(`${backend} #${r} load → on WebGPU: ${typeof moved === 'number' ? `${Math.round(moved)} ms` : moved}`);
        }
        if (!badge) badge = (await page.getByTestId('backend-badge').textContent())?.trim() ?? '';
        for (const kind of CONTROLS) {
          if (kind !== 'step' && !(await waitPlaying(page, WARM_EXAMPLES, timeoutMs))) {
            notes.push(
              `${backend} #${r} ${kind}: the session was not playing with ${WARM_EXAMPLES} examples seen within ${timeoutMs / 1000} s; clicked anyway`,
            );
            log(notes.at(-1)!);
          }
          const m = await measure(page, kind, timeoutMs);
          push(rows, kind, m.pending, m.effect);
          const show = (x: LatencySample | null) =>
            x === null ? '—' : typeof x === 'number' ? `${Math.round(x)} ms` : x;
          log(`${backend} #${r} ${kind}: first effect ${show(m.pending)}, final effect ${show(m.effect)}`);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { backend, badge, rows, notes };
}
