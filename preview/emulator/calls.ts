/**
 * Counts calls into the fake services (as `Service.method`, e.g. `Range.getValues`) so tests can
 * prove that the number of calls of an operation does not grow with table size.
 *
 * Only outermost calls count: a fake that uses another fake internally (getDataRange building a
 * Range) is one call, as it is one call for the script. The before-call hook runs before each
 * counted call; calls made from inside the hook are neither counted nor hooked, so a test can
 * write "another user's" rows there.
 */
export type BeforeCallHook = (call: string) => void;

export class CallCounter {
  private counts = new Map<string, number>();
  private depth = 0;
  /** Runs before each counted call (tests inject other users' writes here). */
  beforeCall: BeforeCallHook | null = null;
  /** Checks a call is allowed (AuthMode.NONE); throws to refuse it. */
  guard: ((call: string) => void) | null = null;

  /** Number of calls to one `Service.method`, or to all methods when omitted. */
  count(call?: string): number {
    if (call !== undefined) return this.counts.get(call) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** All counts, sorted by name: handy in test failure messages. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }

  /** Runs `action` without counting or hooking the service calls it makes. */
  uncounted<T>(action: () => T): T {
    this.depth++;
    try {
      return action();
    } finally {
      this.depth--;
    }
  }

  around<T>(call: string, action: () => T): T {
    // The guard applies at every depth: a custom function evaluated during a read is still refused.
    this.guard?.(call);
    if (this.depth > 0) return action();
    this.counts.set(call, (this.counts.get(call) ?? 0) + 1);
    const hook = this.beforeCall;
    if (hook) this.uncounted(() => hook(call));
    return this.uncounted(action);
  }
}

/** Something whose methods are service calls, counted by the counter of its emulator. */
export interface Counted {
  readonly env: { readonly calls: CallCounter };
}

/**
 * Wraps every prototype method of a fake class so that calls are counted as `service.method`.
 * Fakes keep their internal state on model objects, so every method on a fake is a service call.
 */
export function countCalls(fakeClass: { prototype: object }, service: string): void {
  const prototype = fakeClass.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (name === 'constructor' || !descriptor || typeof descriptor.value !== 'function') continue;
    const method = descriptor.value as (...args: unknown[]) => unknown;
    const call = `${service}.${name}`;
    Object.defineProperty(prototype, name, {
      ...descriptor,
      value: function (this: Counted, ...args: unknown[]) {
        return this.env.calls.around(call, () => method.apply(this, args));
      },
    });
  }
}
