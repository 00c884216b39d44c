/**
 * Debounced checking per document. Each change restarts the document's timer; a result is published
 * only if the document is still at the version that was checked, so stale results are dropped and the
 * last version wins.
 */
export class CheckScheduler {
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: () => number,
    private readonly run: (uri: string) => void,
  ) {}

  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    if (immediately) {
      this.run(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri);
      }, this.delayMs()),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
