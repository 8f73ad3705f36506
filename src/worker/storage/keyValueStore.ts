// A tiny string store for what the studio keeps across reloads (the trainer's autosave, the learner
// handed to the studio): an interface, IndexedDB behind it in the browser (a worker or the main
// thread; each put is one transaction, so a value is written whole or not at all), and a Map for
// Node and the tests.

export interface KeyValueStore {
  /** The value under `key`, or null when there is none; rejects with a StoredValueError when it is not text. */
  get(key: string): Promise<string | null>;
  /** Replace the value under `key` (atomically). */
  put(key: string, value: string): Promise<void>;
  /** Remove `key` (nothing happens when it is absent). */
  delete(key: string): Promise<void>;
}

/** A value under `key` that is not text (something else wrote it): it is named, never taken for "nothing". */
export class StoredValueError extends Error {
  constructor(
    readonly key: string,
    what: string,
  ) {
    super(`"${key}" holds ${what}, not the text this app saves there`);
    this.name = 'StoredValueError';
  }
}

/**
 * What IndexedDB returned for `key` as the store's text: undefined is nothing (null); anything not a string is a
 * StoredValueError.
 */
export function storedText(key: string, value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  const what =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : typeof value === 'object'
          ? 'an object'
          : `a ${typeof value}`;
  throw new StoredValueError(key, what);
}

/** A store in memory: what a page reload would lose; shared by API instances the way IndexedDB is. */
export function createMemoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    put: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}

const settle = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/** Open `dbName` (at `version` when given), creating `storeName` in an upgrade when it is missing. */
function openDb(factory: IDBFactory, dbName: string, storeName: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? factory.open(dbName) : factory.open(dbName, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB: cannot open ${dbName}`));
    request.onblocked = () =>
      reject(new Error(`IndexedDB: ${dbName} is open in another tab at an older version; close it and reload`));
  });
}

/**
 * The store in IndexedDB database `dbName`, object store `storeName` (created on first use, also in
 * a database that already exists without it). Rejects where IndexedDB is missing or refused
 * (private windows of some browsers).
 */
export async function openIdbStore(
  dbName = 'vsml-studio',
  storeName = 'kv',
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<KeyValueStore> {
  if (!factory) throw new Error('IndexedDB is not available here');
  let db = await openDb(factory, dbName, storeName);
  if (!db.objectStoreNames.contains(storeName)) {
    const next = db.version + 1;
    db.close();
    db = await openDb(factory, dbName, storeName, next);
  }
  // Another tab upgrading the database asks us to let go; the next call reopens it.
  let current: Promise<IDBDatabase> = Promise.resolve(db);
  const watch = (d: IDBDatabase) => {
    d.onversionchange = () => {
      d.close();
      current = openDb(factory, dbName, storeName).then((fresh) => {
        watch(fresh);
        return fresh;
      });
    };
  };
  watch(db);
  const request = async <T>(mode: IDBTransactionMode, make: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await current).transaction(storeName, mode);
    const result = settle(make(tx.objectStore(storeName)));
    if (mode === 'readonly') return result;
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
    });
    return result;
  };
  return {
    get: async (key) => {
      return storedText(key, await request('readonly', (s) => s.get(key) as IDBRequest<unknown>));
    },
    put: async (key, value) => {
      await request('readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await request('readwrite', (s) => s.delete(key));
    },
  };
}

/**
 * A store opened on first use (a worker need not wait for IndexedDB to serve its first call). When
 * opening fails, every call rejects with that error, and the next call tries again.
 */
export function deferredStore(open: () => Promise<KeyValueStore>): KeyValueStore {
  let opened: Promise<KeyValueStore> | null = null;
  const store = (): Promise<KeyValueStore> => {
    const current = (opened ??= open());
    current.catch(() => {
      if (opened === current) opened = null;
    });
    return current;
  };
  return {
    get: async (key) => (await store()).get(key),
    put: async (key, value) => (await store()).put(key, value),
    delete: async (key) => (await store()).delete(key),
  };
}
