// The trainer page's controller on the real trainer API (CPU reference, memory store) whose engines
// lose their GPU device in step 4: the failed run is offered for resuming at once, without a reload,
// and "Resume" continues from the saved step 3 to the end.
import { describe, expect, it } from 'vitest';
import { isActive } from '../../../src/ui/trainer/frameChange';
import { TrainerController, type TrainerPort } from '../../../src/ui/trainer/trainerController';
import { trainerStore } from '../../../src/ui/trainer/trainerStore';
import { lostMessage } from '../../../src/worker/shared/engineChoice';
import { createMemoryStore } from '../../../src/worker/storage/keyValueStore';
import type { TrainerApi } from '../../../src/worker/trainer/contract';
import { tinyConfigDoc } from '../../meta/trainerHelpers';
import { cpuTrainerApi, hookedCpu, type RunHook } from '../../worker/trainerHelpers';
import { FakeEnv, flush } from './fakeTrainer';

/** The API as Comlink hands it to the page: every call answers later. */
function port(api: TrainerApi): TrainerPort {
  return Object.fromEntries(
    Object.entries(api).map(([k, f]) => [
      k,
      async (...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args),
    ]),
  ) as TrainerPort;
}

/** Pull frames (one animation frame each) until `test` holds for the store (or give up after 100 s). */
async function framesUntil(env: FakeEnv, test: () => boolean): Promise<void> {
  const end = Date.now() + 100_000;
  while (!test()) {
    if (Date.now() > end)
      throw new Error(
        `framesUntil: never held (state ${trainerStore.getState().frame?.state}, saved ${JSON.stringify(trainerStore.getState().saved)})`,
      );
    env.tick();
    await flush(2);
  }
}

describe('TrainerController on the trainer API, a GPU device lost in step 4', () => {
  it('shows Resume from step 3 as soon as the run fails, and Resume continues from step 3 to the end', async () => {
    const ROLLOUT_RUNS = 8;
    let lose: (info: { reason: string; message: string }) => void = () => {};
    const lost = new Promise<{ reason: string; message: string }>((r) => (lose = r));
    const calls = new Map<number, number>();
    let failing = true;
    const hook: RunHook = (spec, call) => {
      if (!failing || spec.runs !== ROLLOUT_RUNS) return;
      if (call === 2) lose({ reason: 'unknown', message: 'driver reset' });
      if (call === 3) throw new Error('the engine stopped');
    };
    const store = createMemoryStore();
    const { api } = cpuTrainerApi({
      store,
      deps: {
        makeEngine: async (spec) => ({ engine: hookedCpu(spec, hook, calls), fallback: null, lost: lostMessage(lost) }),
      },
    });
    const env = new FakeEnv();
    trainerStore.setState(trainerStore.getInitialState(), true);
    const controller = new TrainerController(port(api), trainerStore, env, 0);
    await controller.init();
    trainerStore.getState().editJson(JSON.stringify(tinyConfigDoc()));
    await controller.start();
    await framesUntil(
      env,
      () => trainerStore.getState().frame?.state === 'failed' && trainerStore.getState().saved !== null,
    );
    const s = trainerStore.getState();
    expect(s.frame?.step).toBe(3);
    expect(s.notice).toBe(
      'step 4 failed: the engine stopped (the GPU device was lost (unknown): driver reset); saved at step 3: resume to continue',
    );
    expect(s.saved).toMatchObject({ step: 3, totalSteps: 6 });
    expect(isActive(s.frame?.state)).toBe(false); // ResumeOffer shows while saved is set and no run is active

    failing = false;
    await controller.resumeSaved();
    expect(trainerStore.getState().saved).toBeNull();
    await framesUntil(env, () => trainerStore.getState().frame?.state === 'done');
    const done = trainerStore.getState().frame!;
    expect(done.step).toBe(6);
    expect(done.losses.length).toBe(6);
    expect(Number.isFinite(done.losses[2]) && Number.isFinite(done.losses[3])).toBe(true);
  });
});
