/**
 * LockService. Semantics in the emulator:
 * - A lock is busy when a test says so (`LockControl.setBusy`, standing for another user's
 *   execution holding it) or when a concurrent execution of the same emulator holds it
 *   (`Emulator.concurrentExecution`).
 * - tryLock(ms) returns true and holds the lock when it is free; when busy it first calls
 *   `LockControl.onWait` (a test may write rows "from the other user" there and free the lock),
 *   then returns false if still busy, advancing the clock by the timeout.
 * - waitLock(ms) is the same but throws "Lock timeout: another process was holding the lock for
 *   too long." when it cannot get the lock.
 * - Locks of one execution are held until releaseLock() or the end of `call()` (Apps Script
 *   releases them when the script ends). A second lock object of the same kind in the same
 *   execution is granted at once.
 * https://developers.google.com/apps-script/reference/lock/lock
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';

type Lock = GoogleAppsScript.Lock.Lock;
type LockService = GoogleAppsScript.Lock.LockService;

export type LockKind = 'document' | 'script' | 'user';

export class LockControl {
  private readonly busy = new Set<LockKind>();
  private readonly held = new Map<LockKind, number>();

  /** `executions`: the lock records of every execution on the same document, this one included. */
  constructor(private readonly executions: Set<LockControl> = new Set()) {
    executions.add(this);
  }
  /** Called while a script waits for a busy lock, with the lock kind and the timeout asked for. */
  onWait: ((kind: LockKind, timeoutInMillis: number) => void) | null = null;
  /** Every tryLock/waitLock: kind, whether it was granted, the timeout. */
  readonly attempts: { kind: LockKind; granted: boolean; timeoutInMillis: number }[] = [];

  /** Makes a lock unavailable (another execution holds it) or available again. */
  setBusy(kind: LockKind, busy = true): void {
    if (busy) this.busy.add(kind);
    else this.busy.delete(kind);
  }

  /** True when a test made the lock busy or another execution holds it. */
  isBusy(kind: LockKind): boolean {
    if (this.busy.has(kind)) return true;
    for (const other of this.executions) if (other !== this && other.isHeld(kind)) return true;
    return false;
  }

  /** True while the running script holds a lock of this kind. */
  isHeld(kind: LockKind): boolean {
    return (this.held.get(kind) ?? 0) > 0;
  }

  acquire(kind: LockKind, timeoutInMillis: number, env: EmulatorEnv): boolean {
    if (this.isHeld(kind)) return this.record(kind, true, timeoutInMillis);
    if (this.isBusy(kind)) {
      const onWait = this.onWait;
      if (onWait) env.calls.uncounted(() => onWait(kind, timeoutInMillis));
    }
    if (this.isBusy(kind)) {
      env.clock.advance(Math.max(0, timeoutInMillis));
      return this.record(kind, false, timeoutInMillis);
    }
    this.held.set(kind, (this.held.get(kind) ?? 0) + 1);
    return this.record(kind, true, timeoutInMillis);
  }

  release(kind: LockKind): void {
    const count = this.held.get(kind) ?? 0;
    if (count > 0) this.held.set(kind, count - 1);
  }

  /** Ends the execution: all its locks are released. */
  releaseAll(): void {
    this.held.clear();
  }

  private record(kind: LockKind, granted: boolean, timeoutInMillis: number): boolean {
    this.attempts.push({ kind, granted, timeoutInMillis });
    return granted;
  }
}

export class FakeLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'> {
  private holding = false;

  constructor(
    readonly env: EmulatorEnv,
    private readonly control: LockControl,
    readonly kind: LockKind,
  ) {}

  /** true when acquired within the timeout; no effect when this lock already holds it.
   * https://developers.google.com/apps-script/reference/lock/lock#trylocktimeoutinmillis */
  tryLock(timeoutInMillis: number): boolean {
    if (this.holding) return true;
    this.holding = this.control.acquire(this.kind, timeoutInMillis, this.env);
    return this.holding;
  }

  /** https://developers.google.com/apps-script/reference/lock/lock#waitlocktimeoutinmillis */
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      this.env.fail('Lock timeout: another process was holding the lock for too long.');
  }

  /** https://developers.google.com/apps-script/reference/lock/lock#haslock */
  hasLock(): boolean {
    return this.holding && this.control.isHeld(this.kind);
  }

  releaseLock(): void {
    if (!this.holding) return;
    this.holding = false;
    this.control.release(this.kind);
  }
}
countCalls(FakeLock, 'Lock');

export class FakeLockService implements Returning<
  LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock',
  FakeLock
> {
  constructor(
    readonly env: EmulatorEnv,
    private readonly control: LockControl,
  ) {}

  /** Apps Script returns null outside a bound document; the emulator always has one.
   * https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock */
  getDocumentLock(): FakeLock {
    return new FakeLock(this.env, this.control, 'document');
  }

  getScriptLock(): FakeLock {
    return new FakeLock(this.env, this.control, 'script');
  }

  getUserLock(): FakeLock {
    return new FakeLock(this.env, this.control, 'user');
  }
}
countCalls(FakeLockService, 'LockService');
