/**
 * The emulator's time: scripts see it through `new Date()`, `Date.now()` and Utilities.sleep,
 * and time-driven triggers fire as it moves. It never moves on its own.
 */
export class Clock {
  constructor(private ms: number = Date.UTC(2026, 0, 5, 9, 0, 0)) {}

  now(): number {
    return this.ms;
  }

  set(time: Date | number | string): void {
    const ms = new Date(time).getTime();
    if (Number.isNaN(ms)) throw new Error(`Clock.set: "${String(time)}" is not a date.`);
    this.ms = ms;
  }

  advance(ms: number): void {
    if (!(ms >= 0))
      throw new Error(
        `Clock.advance: ${ms} ms would move time backwards; pass a positive duration.`,
      );
    this.ms += ms;
  }
}
