/**
 * Spaces sends evenly at a rate, so a fan-out stays within Telegram's limits instead of bursting into 429s.
 * Slots missed while senders were busy may be caught up, but never more than `catchUpMs` worth at once, so no
 * one-second window holds more than the rate plus that small allowance.
 */
export class Throttle {
  private next = 0;

  constructor(
    private readonly perSecond: number,
    private readonly catchUpMs = 50,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when the next send may go. */
  async take(): Promise<void> {
    const now = this.now();
    const at = Math.max(now - this.catchUpMs, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await this.sleep(at - now);
  }
}
