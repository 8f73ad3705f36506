// A store that holds any value, as IndexedDB does (another program may have put an object under our
// key), read through the same check as the IndexedDB store (storedText).
import { storedText, type KeyValueStore } from '../../src/worker/storage/keyValueStore';

export function rawStore(values: Map<string, unknown>): KeyValueStore {
  return {
    get: async (key) => storedText(key, values.get(key)),
    put: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}
