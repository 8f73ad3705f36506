// Where a distributed ES run lives in Redis. BullMQ keeps the jobs (queue QUEUE_NAME, its own keys
// under "bull:"); the rest are plain keys named by the run's digest, all expiring a day after their
// last write so that an abandoned run cleans itself up.
export const QUEUE_NAME = 'vsml-es';
/** Seconds every key below lives after its last write. */
export const KEY_TTL_SECONDS = 24 * 3600;

/** The run record (esRun.ts), JSON. */
export const runKey = (run: string): string => `vsml:es:run:${run}`;
/** theta of one step, float32 bytes. */
export const thetaKey = (run: string, theta: string): string => `vsml:es:theta:${run}:${theta}`;
/** "STEP THETA" of the step the coordinator waits for: workers skip jobs of any other. */
export const currentKey = (run: string): string => `vsml:es:current:${run}`;
/** A list of results (esResult.ts JSON) the workers push and the coordinator pops. */
export const resultsKey = (run: string): string => `vsml:es:results:${run}`;
/** A list of notes from workers for the coordinator (a refusal and why), JSON {worker, message}. */
export const notesKey = (run: string): string => `vsml:es:notes:${run}`;
/** A worker's heartbeat (JSON), expiring unless renewed. */
export const workerKey = (id: string): string => `vsml:es:worker:${id}`;
export const WORKER_KEYS = 'vsml:es:worker:*';
