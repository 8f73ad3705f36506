// The trainer worker's API, behind Comlink (trainer.worker.ts) and, unchanged, in Node: the same
// meta-training as `vsml meta-train` (src/meta/trainer.ts, its schedule in src/meta/schedule.ts) run
// step by step in the worker, on WebGPU or, where WebGPU is absent, the CPU reference. Autosaved to a
// KeyValueStore (IndexedDB in the browser) every checkpointEvery steps and at pause/stop, so a crash
// loses at most one interval; resume() continues bit for bit, from the autosave or from a checkpoint
// file of the CLI. Every refusal is a value whose message starts with the field or file it concerns.
//
// One file per concern: trainerOpen.ts (config/checkpoint + files -> a trainer on checked engines),
// trainerRun.ts (the loop, pause/stop, autosave, frames), trainerHistory.ts (losses, evaluations),
// trainerSummary.ts (words about a config), trainerEngine.ts (WebGPU or the CPU, and why),
// trainerAutosave.ts (the autosave record), ../storage/ (the store, the learner handed to the studio);
// the page's side of all this is contract.ts (types only).
import { parseCheckpoint, serialiseCheckpoint, type Checkpoint } from '../../meta/checkpoint';
import type { MetaConfig } from '../../meta/metaConfig';
import { metaConfigToJson, parseMetaConfig, presetConfig } from '../../meta/metaConfigParse';
import { PRESET_NAMES, PRESETS, type PresetName } from '../../meta/presets';
import type { FileInput } from '../../data/types';
import { parseJsonText } from '../../model/formats/json';
import { serialiseLearner } from '../../model/formats/learner';
import { formatRefusal } from '../../model/resources';
import { errorMessage, formatFieldError, type Result } from '../../model/result';
import { SerialQueue } from '../shared/serial';
import { StoredValueError } from '../storage/keyValueStore';
import { discardAutosave, readAutosave, readAutosaveMeta } from './trainerAutosave';
import { saveHandoffLearner } from '../storage/learnerHandoff';
import { TrainerHistory } from './trainerHistory';
import { configMemoryRefusal, openTrainer, trainerMemoryLimit, type TrainerDeps } from './trainerOpen';
import { TrainerRun } from './trainerRun';
import { configNameOf, describeMetaConfig } from './trainerSummary';

import type { StartReply, TrainerApi } from './contract';

export type * from './contract';
export type { TrainerClock, TrainerDeps, DataRequest } from './trainerOpen';

/** quick-demo first. */
const PRESET_ORDER: readonly PresetName[] = ['quick-demo', ...PRESET_NAMES.filter((n) => n !== 'quick-demo')];

/** A document, or its JSON text. */
function readDoc(doc: unknown, what: string): Result<unknown> {
  if (typeof doc !== 'string') return { ok: true, value: doc };
  const r = parseJsonText(doc);
  return r.ok ? r : { ok: false, error: { ...r.error, field: what } };
}

/** The config and the document it came from (for its "preset" field). */
function parseConfigDoc(doc: unknown): Result<{ config: MetaConfig; doc: unknown }> {
  const raw = readDoc(doc, 'config');
  if (!raw.ok) return raw;
  const config = parseMetaConfig(raw.value);
  return config.ok ? { ok: true, value: { config: config.value, doc: raw.value } } : config;
}

const refuse = (message: string): StartReply => ({ ok: false, message });

export function createTrainerApi(deps: TrainerDeps): TrainerApi {
  let run: TrainerRun | null = null;
  /** start, resume, pause, stop and play, one at a time. */
  const control = new SerialQueue();

  /** Open a trainer and make it the run (the old one stops after its step in flight), playing. */
  async function begin(
    config: MetaConfig,
    files: readonly FileInput[],
    configName: string,
    from?: { checkpoint: Checkpoint; history: TrainerHistory; saved: boolean },
  ): Promise<StartReply> {
    const opened = await openTrainer(deps, config, files, from?.checkpoint);
    if (!opened.ok) return refuse(opened.message);
    const next = new TrainerRun(opened.value, from?.history ?? new TrainerHistory(0), {
      store: deps.store,
      clock: deps.clock,
      configName,
      lastSavedStep: from?.saved ? from.checkpoint.step : null,
    });
    const old = run;
    run = next;
    if (old) await old.retire();
    next.play();
    return { ok: true, info: next.info() };
  }

  return {
    presets: () =>
      PRESET_ORDER.map((name) => ({
        name,
        title: PRESETS[name].title,
        blurb: PRESETS[name].blurb,
        config: metaConfigToJson(presetConfig(name)),
      })),

    async check(configDoc) {
      const r = parseConfigDoc(configDoc);
      if (!r.ok) return { ok: false, field: r.error.field, message: formatFieldError(r.error) };
      const tooBig = await configMemoryRefusal(r.value.config, trainerMemoryLimit(deps));
      if (tooBig) return { ok: false, field: tooBig.field, message: formatRefusal(tooBig) };
      return { ok: true, summary: describeMetaConfig(r.value.config) };
    },

    start: (configDoc, files = []) =>
      control.run(async () => {
        const r = parseConfigDoc(configDoc);
        if (!r.ok) return refuse(formatFieldError(r.error));
        return begin(r.value.config, files, configNameOf(r.value.config, r.value.doc));
      }),

    resume: (checkpointDoc, files = []) =>
      control.run(async () => {
        if (checkpointDoc === undefined) {
          let saved;
          try {
            saved = await readAutosave(deps.store);
          } catch (e) {
            return refuse(
              e instanceof StoredValueError
                ? `autosave: ${e.message}; discard it to start afresh`
                : `autosave: cannot be read: ${errorMessage(e)}`,
            );
          }
          if (saved === null) return refuse('autosave: nothing saved to resume');
          if (!saved.ok) return refuse(formatFieldError(saved.error));
          const { checkpoint, history, meta } = saved.value;
          const h = TrainerHistory.fromJson(history, checkpoint.step) ?? new TrainerHistory(checkpoint.step);
          return begin(checkpoint.config, files, meta.configName, { checkpoint, history: h, saved: true });
        }
        const raw = readDoc(checkpointDoc, '');
        const cp = raw.ok ? parseCheckpoint(raw.value) : raw;
        if (!cp.ok) return refuse(`checkpoint: ${formatFieldError(cp.error)}`);
        const checkpoint = cp.value;
        return begin(checkpoint.config, files, configNameOf(checkpoint.config), {
          checkpoint,
          history: new TrainerHistory(checkpoint.step),
          saved: false,
        });
      }),

    pause: () => control.run(async () => run?.halt('pause')),
    play: () => void control.run(() => run?.play()),
    stop: () => control.run(async () => run?.halt('stop')),
    frame: async () => run?.frame() ?? null,

    async exportCheckpoint() {
      if (!run) return null;
      try {
        return serialiseCheckpoint(run.trainer.checkpoint());
      } catch {
        return null;
      }
    },
    exportLearner: async () => (run ? serialiseLearner(run.trainer.learner()) : null),

    async savedRun() {
      try {
        return await readAutosaveMeta(deps.store);
      } catch {
        return null;
      }
    },
    discardSaved: () => discardAutosave(deps.store),

    async handoffLearner() {
      if (!run) return false;
      try {
        await saveHandoffLearner(deps.store, serialiseLearner(run.trainer.learner()));
        return true;
      } catch {
        return false;
      }
    },
  };
}
