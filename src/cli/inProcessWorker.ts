// A worker API reached the way the pages reach theirs, but inside this Node process: exposed with
// Comlink on one end of a MessageChannel and wrapped on the other, so every call, reply and
// transferred typed array goes through structured cloning exactly as between a page and its Web Worker.
import * as Comlink from 'comlink';

export interface InProcessWorker<T> {
  readonly remote: Comlink.Remote<T>;
  /** Close both ends (the exposed API then serves nothing more). */
  close(): void;
}

export function inProcessWorker<T extends object>(api: T): InProcessWorker<T> {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port1);
  const remote = Comlink.wrap<T>(port2);
  return {
    remote,
    close() {
      remote[Comlink.releaseProxy]();
      port1.close();
      port2.close();
    },
  };
}
