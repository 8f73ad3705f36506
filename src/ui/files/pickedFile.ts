// Files the user picks from disk, read with their limits (src/model/formats/fileLimits.ts): the size is
// checked before any byte is read; a learner's text is checked for depth, then parsed as JSON (the
// worker checks every field). Each refusal is one line that starts with the file's name.
import { depthRefusal, MAX_DATA_BYTES, MAX_LEARNER_BYTES, sizeRefusal } from '../../model/formats/fileLimits';
import { errorMessage } from '../../model/result';

/** A file picked from disk: what a DOM File has and these readers use. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** A JSON document of a learner-sized kind ("learner", "checkpoint"): size, then depth, then JSON.parse. */
export async function readJsonFile(file: PickedFile, what: string): Promise<Read<unknown>> {
  const tooBig = sizeRefusal(file.name, file.size, MAX_LEARNER_BYTES, `a ${what} file`);
  if (tooBig) return { ok: false, message: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, message: `${file.name}: cannot be read: ${errorMessage(e)}` };
  }
  const deep = depthRefusal(file.name, text, what);
  if (deep) return { ok: false, message: deep };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `${file.name}: not a JSON file (${errorMessage(e)})` };
  }
}

/** A learner file's bytes (the trainer's init; its worker parses them), its size checked first. */
export async function readLearnerBytes(file: PickedFile): Promise<Read<Uint8Array>> {
  const tooBig = sizeRefusal(file.name, file.size, MAX_LEARNER_BYTES, 'a learner file');
  if (tooBig) return { ok: false, message: tooBig };
  try {
    return { ok: true, value: new Uint8Array(await file.arrayBuffer()) };
  } catch (e) {
    return { ok: false, message: `${file.name}: cannot be read: ${errorMessage(e)}` };
  }
}

/** A data file's bytes (the worker checks the format), its size checked first. */
export async function readDataFile(file: PickedFile): Promise<Read<{ name: string; bytes: Uint8Array }>> {
  const tooBig = sizeRefusal(file.name, file.size, MAX_DATA_BYTES, 'a data file');
  if (tooBig) return { ok: false, message: tooBig };
  try {
    return { ok: true, value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
  } catch (e) {
    return { ok: false, message: `${file.name}: cannot be read: ${errorMessage(e)}` };
  }
}
