// Where the studio's learner documents come from: a learner the app ships (fetched once from
// public/learners/ and kept), the learner the trainer page handed over (the session worker reads it
// from IndexedDB: SessionApi.trainedLearner), or a file from the
// user's disk (read within its limits: pickedFile.ts). Each answers with the document or a refusal
// that starts with "learner:" ("learned:" for a shipped learned learner, or the file's name), ready
// for the banner.
import { TRAINED_LEARNER } from '../../worker/catalog';
import type { TrainedLearnerReply } from '../../worker/session/contract';
import { readJsonFile, type PickedFile, type Read } from '../files/pickedFile';
import { errorMessage } from '../../model/result';

/** The page's ways to get a learner: the shipped files and the trainer's handover. */
export interface LearnerFetch {
  /** GET a file the app ships (public/), by its path there ("learners/vsml-mnist.learner.json"). */
  fetchAsset(path: string): Promise<{ readonly status: number; json(): Promise<unknown> }>;
  /** The learner the trainer page handed over (the session worker's SessionApi.trainedLearner). */
  trainedLearner(): Promise<TrainedLearnerReply>;
}

/** A learner file from the user's disk: its name and its parsed (not yet checked) document. */
export interface LearnerFile {
  readonly name: string;
  readonly doc: unknown;
}

export class LearnerSources {
  private readonly shipped = new Map<string, unknown>();

  constructor(private readonly fetch: LearnerFetch) {}

  /** The document of a shipped learner id, or of `trained` (the trainer's handover). */
  async byId(id: string): Promise<Read<unknown>> {
    if (id === TRAINED_LEARNER) return this.trained();
    return this.shippedDoc(id, 'learner');
  }

  /** The document of a shipped learned learner (catalog SHIPPED_LEARNED); a refusal starts with "learned:". */
  learnedById(id: string): Promise<Read<unknown>> {
    return this.shippedDoc(id, 'learned');
  }

  private async shippedDoc(id: string, setting: string): Promise<Read<unknown>> {
    const cached = this.shipped.get(id);
    if (cached !== undefined) return { ok: true, value: cached };
    try {
      const res = await this.fetch.fetchAsset(`learners/${id}.learner.json`);
      if (res.status !== 200)
        return { ok: false, message: `${setting}: no shipped learner "${id}" (HTTP ${res.status})` };
      const doc: unknown = await res.json();
      this.shipped.set(id, doc);
      return { ok: true, value: doc };
    } catch (e) {
      return { ok: false, message: `${setting}: "${id}" could not be read: ${errorMessage(e)}` };
    }
  }

  /** A learner file from disk, read within its limits; a refusal names the file. */
  async fromFile(file: PickedFile): Promise<Read<LearnerFile>> {
    const read = await readJsonFile(file, 'learner');
    return read.ok ? { ok: true, value: { name: file.name, doc: read.value } } : read;
  }

  /** The learner the trainer page handed over ("Open in studio"), from this browser's IndexedDB. */
  private async trained(): Promise<Read<unknown>> {
    try {
      const r = await this.fetch.trainedLearner();
      if (!r.ok) return { ok: false, message: `learner: the trainer's learner could not be read: ${r.message}` };
      const doc = r.document;
      if (doc === null)
        return {
          ok: false,
          message: 'learner: no learner from the trainer in this browser (use "Open in studio" on the trainer page)',
        };
      return { ok: true, value: doc };
    } catch (e) {
      return { ok: false, message: `learner: the trainer's learner could not be read: ${errorMessage(e)}` };
    }
  }
}
