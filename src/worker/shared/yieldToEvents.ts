// A macrotask's pause, so that events queued meanwhile (Comlink calls) run before the next block:
// setImmediate where there is one (Node), else a message to ourselves on one reused MessageChannel
// (a browser worker; setTimeout(0) would be clamped to 4 ms when nested). In a browser each message is
// its own task, so Comlink's messages that arrived meanwhile get their turn. (Node drains a port's
// messages in one go, starving its timers, which is why it takes setImmediate.)

/** Resolvers waiting for the yield channel's next message (one channel, reused). */
let yieldChannel: { readonly port: MessagePort; readonly waiting: (() => void)[] } | null = null;

/** Let queued events run (a macrotask; setTimeout(0) would be clamped to 4 ms when nested in browsers). */
export function yieldToEvents(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (!yieldChannel) {
    const { port1, port2 } = new MessageChannel();
    const waiting: (() => void)[] = [];
    port1.onmessage = () => waiting.shift()?.();
    (port1 as MessagePort & { unref?: () => void }).unref?.(); // Node (tests): do not keep the process alive
    yieldChannel = { port: port2, waiting };
  }
  const channel = yieldChannel;
  return new Promise((resolve) => {
    channel.waiting.push(resolve);
    channel.port.postMessage(null);
  });
}
