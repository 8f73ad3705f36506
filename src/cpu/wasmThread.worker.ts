// One thread of the fast CPU engine in the browser: a module Worker started by threadsBrowser.ts
// (itself running in the studio's or the trainer's Worker, so this is a nested Worker). It answers
// init and call messages (threadServe.ts) on the shared memory it is sent.
import type { FromThread, ToThread } from './threadPool';
import { serveWasmThread } from './threadServe';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToThread>) => void) | null;
  postMessage(answer: FromThread): void;
};
const serve = serveWasmThread((answer) => scope.postMessage(answer));
scope.onmessage = (e) => serve(e.data);
