/**
 * Check-ins from many people at once. Apps Script runs each person's save in its own execution;
 * the emulator runs one at a time, so other people's saves are injected at every point where a
 * real execution could be interleaved: while a save waits for the document lock, and before every
 * service call made without the lock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SaveCheckInResult } from '../../src/shared/checkIn';
import {
  checkInEmulator,
  checkInPayload,
  checkInRows,
  keyResultRow,
  plain,
  workbookSnapshot,
} from './checkInWorkbook';
import { buildBundle } from './bundle';
import { measureCost } from './operationCost';
import { SCALE_KEY_RESULT, scaleWorkbook } from './scaleWorkbook';

beforeAll(buildBundle);

interface PendingCheckIn {
  user: string;
  value: number;
  confidence: number;
}

const PEOPLE = 20;

/** Runs one person's save as that person; results come back from the script realm. */
function saver(emulator: ReturnType<typeof checkInEmulator>, results: SaveCheckInResult[]) {
  return (checkIn: PendingCheckIn): void => {
    const payload = checkInPayload({
      value: checkIn.value,
      confidence: checkIn.confidence,
      progress: `from ${checkIn.user}`,
    });
    results.push(
      plain(emulator.callWith({ user: checkIn.user }, 'saveCheckIn', payload) as SaveCheckInResult),
    );
  };
}

const person = (index: number): PendingCheckIn => ({
  user: `person${index + 1}@example.com`,
  value: 100 + index,
  confidence: index % 11,
});

/** The service calls of one save made without the document lock: where another save could run. */
function unlockedPoints(): string[] {
  const emulator = checkInEmulator();
  const points: string[] = [];
  emulator.calls.beforeCall = (call) => {
    if (!emulator.locks.isHeld('document')) points.push(call);
  };
  emulator.call('saveCheckIn', checkInPayload());
  return points;
}

/** Each person's row is intact, and the KR row holds the values of the row appended last. */
function expectNothingOverwritten(
  emulator: ReturnType<typeof checkInEmulator>,
  before: number,
  people: number,
): void {
  const rows = checkInRows(emulator);
  expect(rows).toHaveLength(before + people);
  const written = rows.slice(before);
  expect(new Set(written.map((row) => row.Author)).size).toBe(people);
  for (const row of written) {
    const index = Number(String(row.Author).match(/\d+/)![0]) - 1;
    expect(row).toMatchObject({
      Value: 100 + index,
      Confidence: index % 11,
      Progress: `from ${String(row.Author)}`,
    });
  }
  const last = rows.at(-1)!;
  expect(keyResultRow(emulator, 'KR-INC')).toMatchObject({
    Current: last.Value,
    Confidence: last.Confidence,
    'Last Check-in': last.Timestamp,
  });
}

describe('saveCheckIn under concurrency', () => {
  it('survives another save at every point where it holds no lock', () => {
    const points = unlockedPoints();
    expect(points.length).toBeGreaterThan(5);
    for (const [index, point] of points.entries()) {
      const emulator = checkInEmulator();
      const results: SaveCheckInResult[] = [];
      const run = saver(emulator, results);
      let seen = 0;
      emulator.calls.beforeCall = () => {
        if (emulator.locks.isHeld('document')) return;
        if (seen++ === index) run(person(1));
      };
      run(person(0));
      expect(
        results.filter((result) => !result.ok),
        `other save before ${point} (#${index})`,
      ).toEqual([]);
      expectNothingOverwritten(emulator, 3, 2);
    }
  });

  it('keeps all 20 check-ins from 20 people whose saves interleave, and leaves the KR at the last value', () => {
    const emulator = checkInEmulator({ checkIns: 5 });
    const points = unlockedPoints().length;
    const pending = Array.from({ length: PEOPLE }, (_, index) => person(index));
    const results: SaveCheckInResult[] = [];
    const run = saver(emulator, results);
    const injected: string[] = [];
    // Another execution holds the lock while this one waits: it finishes its save and lets go.
    emulator.locks.onWait = () => {
      emulator.locks.setBusy('document', false);
      const other = pending.shift();
      if (other) {
        injected.push('while waiting for the lock');
        run(other);
      }
    };
    // Each save meets one more save at a different unlocked point (the round number, cycled).
    let round = 0;
    let seen = 0;
    emulator.calls.beforeCall = (call) => {
      if (emulator.locks.isHeld('document') || emulator.locks.isBusy('document')) return;
      if (seen++ !== round % points) return;
      const other = pending.shift();
      if (other) {
        injected.push(`before ${call}`);
        run(other);
      }
    };
    while (pending.length > 0) {
      const next = pending.shift()!;
      // Every other save finds the lock taken; the others meet saves before they lock.
      if (round % 2 === 0) emulator.locks.setBusy('document');
      emulator.clock.advance(60_000);
      seen = 0;
      run(next);
      round++;
    }

    expect(results).toHaveLength(PEOPLE);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(injected).toContain('while waiting for the lock');
    expect(injected.filter((point) => point.startsWith('before')).length).toBeGreaterThan(3);
    expectNothingOverwritten(emulator, 5, PEOPLE);
  });

  it('writes nothing and asks to try again when the lock cannot be had within a few seconds', () => {
    const emulator = checkInEmulator();
    const before = workbookSnapshot(emulator);
    emulator.locks.setBusy('document');
    const result = plain(emulator.call('saveCheckIn', checkInPayload()) as SaveCheckInResult);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: null, message: expect.stringMatching(/try again/i) }],
    });
    expect(workbookSnapshot(emulator)).toEqual(before);
    const [attempt] = emulator.locks.attempts;
    expect(attempt).toMatchObject({ kind: 'document', granted: false });
    expect(attempt!.timeoutInMillis).toBeGreaterThanOrEqual(1000);
    expect(attempt!.timeoutInMillis).toBeLessThanOrEqual(10_000);
  });

  it('saves once the other person releases the lock while this one waits', () => {
    const emulator = checkInEmulator();
    emulator.locks.setBusy('document');
    emulator.locks.onWait = () => emulator.locks.setBusy('document', false);
    const result = plain(
      emulator.call('saveCheckIn', checkInPayload({ value: 77 })) as SaveCheckInResult,
    );
    expect(result.ok).toBe(true);
    expect(keyResultRow(emulator, 'KR-INC').Current).toBe(77);
  });
});

describe('saveCheckIn service calls', () => {
  const callsFor = (checkIns: number, payload: Record<string, unknown>): Record<string, number> => {
    const emulator = checkInEmulator({ checkIns });
    const result = plain(emulator.call('saveCheckIn', payload) as SaveCheckInResult);
    expect(result.ok).toBe(true);
    return emulator.calls.snapshot();
  };

  it('makes the same service calls with 10 and with 10,000 rows in the Check-ins sheet', () => {
    const small = callsFor(10, checkInPayload());
    const large = callsFor(10_000, checkInPayload());
    expect(large).toEqual(small);
    expect(small['Range.setValues']).toBe(3);
  });

  it('makes the same service calls for a milestone check-in whatever the history size', () => {
    const payload = checkInPayload({
      keyResultId: 'KR-MS',
      value: null,
      milestones: [{ row: 3, milestone: 'Beta with five teams', done: true }],
    });
    expect(callsFor(10_000, payload)).toEqual(callsFor(10, payload));
  });
});

describe('the document lock during a save', () => {
  /** One save's cost on a workbook of 1,000 key results and `checkIns` check-ins. */
  const saveCost = (checkIns: number) => {
    const emulator = scaleWorkbook({ keyResults: 1_000, checkIns });
    const cost = measureCost(emulator, () =>
      emulator.call('saveCheckIn', checkInPayload({ keyResultId: SCALE_KEY_RESULT })),
    );
    expect(plain(cost.result)).toMatchObject({ ok: true });
    return cost;
  };

  it('is held for the same calls and cells with 1,000 and with 100,000 check-ins, so the next person waits no longer', () => {
    const small = saveCost(1_000);
    const large = saveCost(100_000);
    expect(large.lockedCalls).toBe(small.lockedCalls);
    expect(large.lockedCells).toBe(small.lockedCells);
    // Under the lock: the KR's header and row, Settings, the Check-ins header, the bottom row, the writes.
    expect(large.lockedCells).toBeLessThan(200);
    expect(large.cellsRead).toBe(small.cellsRead);
  });

  it("holds it as briefly for a second person's save that runs while the first one reads", () => {
    const first = scaleWorkbook({ keyResults: 1_000, checkIns: 100_000 });
    const second = first.concurrentExecution();
    second.setActiveUser('person1@example.com');
    let secondCost: ReturnType<typeof measureCost> | null = null;
    // The second execution saves in full while the first is between two reads, before its lock.
    first.calls.beforeCall = () => {
      if (secondCost || first.locks.isHeld('document')) return;
      secondCost = measureCost(second, () =>
        second.call('saveCheckIn', checkInPayload({ keyResultId: 'KR2', value: 7 })),
      );
    };
    const firstCost = measureCost(first, () =>
      first.call('saveCheckIn', checkInPayload({ keyResultId: SCALE_KEY_RESULT })),
    );
    expect(plain(firstCost.result)).toMatchObject({ ok: true });
    expect(plain(secondCost!.result)).toMatchObject({ ok: true });
    for (const cost of [firstCost, secondCost!]) {
      expect(cost.lockedCells).toBeGreaterThan(0);
      expect(cost.lockedCells).toBeLessThan(200);
    }
  });
});
