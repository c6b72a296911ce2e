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

/**
 * Cells moved by value reads and writes of counted calls (formats and notes are not counted), and
 * cells cleared: a clear sends only its range, no cell value, so it is tallied apart.
 */
export interface CellTally {
  read: number;
  written: number;
  cleared: number;
}

/** Calls that read cell values, and calls that write cell values or formulas. */
const VALUE_READS = new Set([
  'Range.getValues',
  'Range.getValue',
  'Range.getDisplayValues',
  'Range.getDisplayValue',
  'Range.getFormulas',
  'Range.getFormula',
]);
const VALUE_WRITES = new Set([
  'Range.setValues',
  'Range.setValue',
  'Range.setFormula',
  'Range.setFormulas',
  'Sheet.appendRow',
]);
const CLEARS = new Set(['Range.clearContent', 'Range.clear']);

const cellCount = (grid: readonly unknown[]): number =>
  grid.reduce<number>((sum, row) => sum + (Array.isArray(row) ? row.length : 1), 0);

/** The cells a call moved: read from its 2-D result, written from its 2-D argument or its range. */
function cellsMoved(call: string, self: unknown, args: unknown[], result: unknown): CellTally {
  const read = VALUE_READS.has(call) ? (Array.isArray(result) ? cellCount(result) : 1) : 0;
  const grid = (self as { grid?: { numRows: number; numColumns: number } }).grid;
  const rangeCells = grid ? grid.numRows * grid.numColumns : 1;
  if (CLEARS.has(call)) return { read, written: 0, cleared: rangeCells };
  if (!VALUE_WRITES.has(call)) return { read, written: 0, cleared: 0 };
  const [first] = args;
  return { read, written: Array.isArray(first) ? cellCount(first) : rangeCells, cleared: 0 };
}

export class CallCounter {
  private counts = new Map<string, number>();
  private tally: CellTally = { read: 0, written: 0, cleared: 0 };
  private depth = 0;
  /**
   * Milliseconds spent inside counted calls: the emulator's own work, which says nothing of how
   * long Sheets takes. The rest of an operation's time is the script's.
   */
  serviceMs = 0;
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

  /** Cells read and written by the counted calls since the last reset. */
  cells(): CellTally {
    return { ...this.tally };
  }

  reset(): void {
    this.counts.clear();
    this.tally = { read: 0, written: 0, cleared: 0 };
    this.serviceMs = 0;
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

  around<T>(call: string, action: () => T, moved?: (result: T) => CellTally): T {
    // The guard applies at every depth: a custom function evaluated during a read is still refused.
    this.guard?.(call);
    if (this.depth > 0) return action();
    this.counts.set(call, (this.counts.get(call) ?? 0) + 1);
    const hook = this.beforeCall;
    if (hook) this.uncounted(() => hook(call));
    const started = performance.now();
    const result = this.uncounted(action);
    this.serviceMs += performance.now() - started;
    if (moved) {
      const cells = moved(result);
      this.tally.read += cells.read;
      this.tally.written += cells.written;
      this.tally.cleared += cells.cleared;
    }
    return result;
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
        return this.env.calls.around(
          call,
          () => method.apply(this, args),
          (result) => cellsMoved(call, this, args, result),
        );
      },
    });
  }
}
