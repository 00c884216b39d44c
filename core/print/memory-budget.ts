/**
 * The plans printing at once share one memory budget: a plan starts when what it needs fits beside
 * the plans already printing, so two large plans never print side by side, while small ones still
 * print several at a time. A plan is always let in when nothing else is printing (a plan over the
 * budget is refused before it gets here), and plans are let in in the order they asked: a large plan
 * waiting is not overtaken for ever by small ones.
 */
export class MemoryBudget {
  private inUse = 0;
  /** Counted apart from `inUse`: sums of fractional megabytes need not come back to exactly 0. */
  private printing = 0;
  private readonly waiting: { megabytes: number; start: () => void }[] = [];

  constructor(private readonly limitMb: number) {}

  private fits(megabytes: number): boolean {
    return this.printing === 0 || this.inUse + megabytes <= this.limitMb;
  }

  async take(megabytes: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(megabytes)) {
      this.inUse += megabytes;
      this.printing++;
      return;
    }
    await new Promise<void>((start) => this.waiting.push({ megabytes, start }));
  }

  give(megabytes: number): void {
    this.inUse -= megabytes;
    this.printing--;
    while (this.waiting.length > 0 && this.fits(this.waiting[0].megabytes)) {
      const next = this.waiting.shift()!;
      this.inUse += next.megabytes;
      this.printing++;
      next.start();
    }
  }
}
