// The learner the trainer hands to the studio ("Open in studio"): the trainer worker saves a
// vsml-learner text under one key; the studio page, opened at ?learner=trained, reads it back and
// parses it with parseLearner like any learner file.
import type { KeyValueStore } from './keyValueStore';

export const HANDOFF_LEARNER_KEY = 'handoff-learner';

/** Save a vsml-learner document's text for the studio (replacing the one saved before). */
export const saveHandoffLearner = (store: KeyValueStore, docText: string): Promise<void> =>
  store.put(HANDOFF_LEARNER_KEY, docText);

/** The saved learner document (JSON, not yet validated), or null when none is saved or its text is not JSON. */
export async function loadHandoffLearner(store: KeyValueStore): Promise<unknown | null> {
  const text = await store.get(HANDOFF_LEARNER_KEY);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
