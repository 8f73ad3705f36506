// One thing at a time on the engine: tasks run in the order they were queued, each after the previous
// one has settled (a failure is passed to its caller and does not block the queue). The play loop's
// blocks, frame()'s state reads and an engine's disposal all go through one queue.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
