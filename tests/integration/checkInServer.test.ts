/**
 * The check-in server functions in the built bundle, run by the Apps Script emulator: what the
 * sidebar reads, what a check-in writes for each KR type, and how untrusted payloads are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CheckInContext,
  KeyResultDetailResult,
  KeyResultPage,
  SaveCheckInResult,
} from '../../src/shared/checkIn';
import {
  ANA,
  BO,
  checkInEmulator,
  checkInPayload,
  checkInRows,
  keyResultRow,
  NOW,
  NOW_WALL_CLOCK,
  plain,
  sheetValues,
  workbookSnapshot,
} from './checkInWorkbook';
import { buildBundle } from './bundle';
import { onSpreadsheetClock } from './spreadsheetClock';

beforeAll(buildBundle);

/** Paths of values google.script.run would refuse or drop: Dates, functions, undefined, class instances. */
function nonJsonValues(value: unknown, path: string): string[] {
  if (value === null || ['string', 'boolean'].includes(typeof value)) return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value))
    return value.flatMap((item, index) => nonJsonValues(item, `${path}[${index}]`));
  if (typeof value === 'object' && Object.prototype.toString.call(value) === '[object Object]') {
    return Object.entries(value).flatMap(([key, item]) => nonJsonValues(item, `${path}.${key}`));
  }
  return [path];
}

const save = (emulator: ReturnType<typeof checkInEmulator>, payload: unknown): SaveCheckInResult =>
  plain(emulator.call('saveCheckIn', payload) as SaveCheckInResult);

describe('getCheckInContext', () => {
  it("lists the active user's key results first, then the others grouped by objective, leaving out past cycles", () => {
    const context = plain(
      checkInEmulator({ user: BO }).call('getCheckInContext') as CheckInContext,
    );
    expect(context.userEmail).toBe(BO);
    const mine = ['KR-TASK', 'KR-BIN', 'KR-MIN', 'KR-MAX', 'KR-BASE', 'KR-NONE'];
    expect(context.mine.map((keyResult) => keyResult.id)).toEqual(mine);
    expect(context.mineTotal).toBe(6);
    expect(context.all.keyResults.map((keyResult) => keyResult.id)).toEqual([
      ...mine,
      'KR-INC',
      'KR-DEC',
      'KR-PCT',
      'KR-MS',
    ]);
    expect(context.all.total).toBe(10);
    expect(context.all.objectives.map((objective) => objective.id)).toEqual(['O1', 'O2']);
  });

  it('gives each key result its figures, plan and last check-in date from its row', () => {
    const context = plain(checkInEmulator().call('getCheckInContext') as CheckInContext);
    const increase = context.mine.find((keyResult) => keyResult.id === 'KR-INC')!;
    expect(increase).toMatchObject({
      objectiveTitle: 'Delight new teams',
      unit: 'teams',
      start: 0,
      target: 100,
      current: 20,
      progress: 0.2,
      status: 'Off track',
      ownedByUser: true,
    });
    expect(increase.planned).toBeCloseTo(46 / 91);
    expect(increase).not.toHaveProperty('history');
  });

  it('returns only JSON-safe values (dates as ISO text), as google.script.run requires', () => {
    const raw = checkInEmulator().call('getCheckInContext');
    expect(nonJsonValues(raw, 'context')).toEqual([]);
  });

  it('never reads the Check-ins sheet: the same cells whatever the history', () => {
    const cells = (checkIns: number) => {
      const emulator = checkInEmulator({ checkIns });
      emulator.call('getCheckInContext');
      return emulator.calls.cells();
    };
    expect(cells(2000)).toEqual(cells(3));
  });
});

describe('searchKeyResults', () => {
  it('answers a search on the server, a page at a time, with the titles of the objectives shown', () => {
    const emulator = checkInEmulator({ user: BO });
    const page = plain(
      emulator.call('searchKeyResults', { query: 'delight', offset: 0 }) as KeyResultPage,
    );
    expect(page.keyResults.map((keyResult) => keyResult.id)).toEqual([
      'KR-INC',
      'KR-DEC',
      'KR-PCT',
      'KR-MS',
    ]);
    expect(page).toMatchObject({ total: 4, offset: 0, objectives: [{ id: 'O1' }] });
    const later = plain(
      emulator.call('searchKeyResults', { query: 'delight', offset: 3 }) as KeyResultPage,
    );
    expect(later.keyResults.map((keyResult) => keyResult.id)).toEqual(['KR-MS']);
  });

  it('refuses a search that is not text or a page that is not a whole number', () => {
    const emulator = checkInEmulator();
    expect(() => emulator.call('searchKeyResults', { query: 3, offset: 0 })).toThrow(/text/);
    expect(() => emulator.call('searchKeyResults', { query: '', offset: -1 })).toThrow(
      /whole number/,
    );
    expect(() => emulator.call('searchKeyResults', null)).toThrow(/text/);
  });
});

describe('getKeyResultDetail', () => {
  it('gives the form the last check-ins, newest last, and the milestone checklist', () => {
    const emulator = checkInEmulator({ checkIns: 40 });
    const increase = plain(emulator.call('getKeyResultDetail', 'kr-inc ') as KeyResultDetailResult);
    expect(increase.ok).toBe(true);
    if (!increase.ok) return;
    // Check-ins alternate between KR-INC and KR-DEC: KR-INC has the even ones, 0 to 38.
    expect(increase.keyResult.history.map((point) => point.value)).toEqual([
      24, 26, 28, 30, 32, 34, 36, 38,
    ]);
    expect(increase.keyResult).toMatchObject({
      lastCheckInText: 'update 38',
      previousPlans: 'plan 38',
    });
    const milestone = plain(emulator.call('getKeyResultDetail', 'KR-MS') as KeyResultDetailResult);
    expect(milestone.ok && milestone.keyResult.inputKind).toBe('milestones');
    expect(
      milestone.ok && milestone.keyResult.milestones.map((item) => [item.row, item.done]),
    ).toEqual([
      [2, true],
      [3, false],
      [5, false],
    ]);
    expect(milestone.ok && milestone.keyResult.progress).toBe(0.25);
  });

  it("gives the form each check-in's time on the spreadsheet's clock, however far apart its rows", () => {
    const emulator = checkInEmulator({ checkIns: 0 });
    const row = (wallClock: string, id: string) =>
      [onSpreadsheetClock(wallClock), id, 10, 6, 'update', 'plan', '', '', ANA] as unknown[];
    const rows = [
      row('2026-11-02T09:00', 'KR-INC'),
      ...Array.from({ length: 150 }, () => row('2026-11-03T09:00', 'KR-DEC')),
      row('2026-11-09T09:00', 'KR-INC'),
    ];
    emulator.uncounted(() =>
      emulator.spreadsheet
        .getSheetByName('Check-ins')!
        .getRange(2, 1, rows.length, rows[0]!.length)
        .setValues(rows),
    );
    const detail = plain(emulator.call('getKeyResultDetail', 'KR-INC') as KeyResultDetailResult);
    // The add-on's dates are the spreadsheet's wall clock in ISO text's UTC fields.
    expect(detail.ok && detail.keyResult.history.map((point) => point.timestamp)).toEqual([
      '2026-11-02T09:00:00.000Z',
      '2026-11-09T09:00:00.000Z',
    ]);
  });

  it('reads the same cells whatever the size of the history once the check-ins shown are found', () => {
    const cells = (checkIns: number) => {
      const emulator = checkInEmulator({ checkIns });
      emulator.call('getKeyResultDetail', 'KR-INC');
      return emulator.calls.cells().read;
    };
    expect(cells(5_000)).toBe(cells(40));
  });

  it('says to reload when the key result is gone', () => {
    const result = plain(
      checkInEmulator().call('getKeyResultDetail', 'KR-GONE') as KeyResultDetailResult,
    );
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/KR-GONE/), reload: true });
  });
});

describe('saveCheckIn for every key result type', () => {
  const cases: { id: string; value: unknown; stored: unknown; milestones?: unknown }[] = [
    { id: 'KR-INC', value: 42, stored: 42 },
    { id: 'KR-DEC', value: 650, stored: 650 },
    { id: 'KR-PCT', value: 0.45, stored: 0.45 },
    { id: 'KR-TASK', value: 7, stored: 7 },
    { id: 'KR-BIN', value: true, stored: true },
    { id: 'KR-MIN', value: 99.5, stored: 99.5 },
    { id: 'KR-MAX', value: 6, stored: 6 },
    { id: 'KR-BASE', value: 130, stored: 130 },
    { id: 'KR-NONE', value: 12, stored: 12 },
    {
      id: 'KR-MS',
      value: null,
      // Design review (1) and General availability (2) of a total weight 4: 3/4 of Target 4.
      stored: 3,
      milestones: [
        { row: 3, milestone: 'Beta with five teams', done: false },
        { row: 5, milestone: 'General availability', done: true },
      ],
    },
  ];

  it.each(cases)('saves a check-in for $id', ({ id, value, stored, milestones }) => {
    const emulator = checkInEmulator();
    const before = checkInRows(emulator).length;
    const result = save(
      emulator,
      checkInPayload({ keyResultId: id, value, milestones: milestones ?? null }),
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const rows = checkInRows(emulator);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual({
      Timestamp: new Date(NOW).toISOString(),
      'Key Result ID': id,
      Value: stored,
      Confidence: 7,
      Progress: 'Onboarding v2 shipped',
      Plans: 'Start the pricing test',
      Problems: 'Waiting on legal',
      Learnings: 'Teams love templates',
      Author: ANA,
    });
    expect(keyResultRow(emulator, id)).toMatchObject({
      Current: stored,
      Confidence: 7,
      'Last Check-in': new Date(NOW).toISOString(),
    });
    if (result.ok) {
      expect(result.keyResult.id).toBe(id);
      expect(result.keyResult.lastCheckInText).toBe('Onboarding v2 shipped');
      expect(result.savedAt).toBe(NOW_WALL_CLOCK);
    }
  });

  it('ticks milestones with the day they were done and unticks them without touching other rows', () => {
    const emulator = checkInEmulator();
    const result = save(
      emulator,
      checkInPayload({
        keyResultId: 'KR-MS',
        value: null,
        milestones: [
          { row: 2, milestone: 'Design review', done: false },
          { row: 5, milestone: 'General availability', done: true },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    expect(sheetValues(emulator, 'Milestones')).toEqual([
      ['Key Result ID', 'Milestone', 'Weight', 'Done', 'Done Date'],
      ['KR-MS', 'Design review', 1, false, ''],
      ['KR-MS', 'Beta with five teams', 1, false, ''],
      ['KR-OTHER', 'Not ours', 1, false, ''],
      ['KR-MS', 'General availability', 2, true, new Date(NOW).toISOString()],
    ]);
    expect(result.ok && result.keyResult.progress).toBe(0.5);
  });

  it('returns the saved key result with its new progress and the check-in just saved', () => {
    const raw = checkInEmulator().call('saveCheckIn', checkInPayload({ value: 60 }));
    expect(nonJsonValues(raw, 'result')).toEqual([]);
    const result = plain(raw as SaveCheckInResult);
    expect(result.ok && result.keyResult).toMatchObject({
      current: 60,
      progress: 0.6,
      confidence: 7,
    });
    expect(result.ok && result.keyResult.history.at(-1)).toEqual({
      timestamp: NOW_WALL_CLOCK,
      value: 60,
    });
  });

  it('stores a formula-looking comment as text, never as a formula', () => {
    const emulator = checkInEmulator();
    const formula = '=IMPORTXML("https://evil.example", "//a")';
    const result = save(
      emulator,
      checkInPayload({
        progress: formula,
        plans: '+1 more',
        problems: '-2 left',
        learnings: '@team',
      }),
    );
    expect(result.ok).toBe(true);
    const last = checkInRows(emulator).at(-1)!;
    expect([last.Progress, last.Plans, last.Problems, last.Learnings]).toEqual([
      formula,
      '+1 more',
      '-2 left',
      '@team',
    ]);
    const formulas = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Check-ins')!.getDataRange().getFormulas(),
    );
    expect(formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('records the signed-in user as the author, not anything the page sends', () => {
    const emulator = checkInEmulator({ user: BO });
    expect(save(emulator, checkInPayload({ keyResultId: 'KR-TASK', value: 3 })).ok).toBe(true);
    expect(checkInRows(emulator).at(-1)!.Author).toBe(BO);
  });
});

describe('saveCheckIn refuses bad payloads and writes nothing', () => {
  const refusals: {
    name: string;
    payload: () => unknown;
    field: string | null;
    message: RegExp;
  }[] = [
    {
      name: 'an unknown key result',
      payload: () => checkInPayload({ keyResultId: 'KR-NOPE' }),
      field: 'keyResultId',
      message: /No key result has the ID "KR-NOPE"/,
    },
    {
      name: 'text where a number is needed',
      payload: () => checkInPayload({ value: 'forty-two' }),
      field: 'value',
      message: /Value is text/,
    },
    {
      name: 'a number for a yes/no key result',
      payload: () => checkInPayload({ keyResultId: 'KR-BIN', value: 1 }),
      field: 'value',
      message: /yes\/no key result/,
    },
    {
      name: 'a percentage above 100%',
      payload: () => checkInPayload({ keyResultId: 'KR-PCT', value: 45 }),
      field: 'value',
      message: /from 0% to 100%/,
    },
    {
      name: 'confidence 11',
      payload: () => checkInPayload({ confidence: 11 }),
      field: 'confidence',
      message: /Confidence is 11/,
    },
    {
      name: 'a 100 kB comment',
      payload: () => checkInPayload({ learnings: 'x'.repeat(100_000) }),
      field: 'learnings',
      message: /Learnings is 100,000 characters long/,
    },
    {
      name: 'a Date object',
      payload: () => checkInPayload({ value: new Date('2026-11-16T00:00:00Z') }),
      field: 'value',
      message: /date object/,
    },
    {
      name: 'a missing field',
      payload: () => {
        const payload = checkInPayload();
        delete payload.plans;
        return payload;
      },
      field: 'plans',
      message: /Plans is missing/,
    },
    {
      name: 'a milestone that moved',
      payload: () =>
        checkInPayload({
          keyResultId: 'KR-MS',
          value: null,
          milestones: [{ row: 4, milestone: 'General availability', done: true }],
        }),
      field: 'milestones',
      message: /no longer in Milestones row 4/,
    },
    {
      name: 'a milestone key result without ticks',
      payload: () => checkInPayload({ keyResultId: 'KR-MS', value: 3 }),
      field: 'milestones',
      message: /ticking its milestones/,
    },
  ];

  it.each(refusals)('refuses $name, naming the field', ({ payload, field, message }) => {
    const emulator = checkInEmulator();
    const before = workbookSnapshot(emulator);
    const result = save(emulator, payload());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.field)).toContain(field);
      expect(result.errors.map((error) => error.message).join(' ')).toMatch(message);
    }
    expect(workbookSnapshot(emulator)).toEqual(before);
  });

  it.each([null, undefined, 'KR-INC', 42, true, [checkInPayload()]])(
    'refuses the non-object payload %j',
    (payload) => {
      const emulator = checkInEmulator();
      const before = workbookSnapshot(emulator);
      const result = save(emulator, payload);
      expect(result).toEqual({
        ok: false,
        errors: [{ field: null, message: expect.stringMatching(/not a form/) }],
      });
      expect(workbookSnapshot(emulator)).toEqual(before);
    },
  );

  it('refuses a payload with every field missing, naming each one', () => {
    const result = save(checkInEmulator(), {});
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(
      expect.arrayContaining([
        'keyResultId',
        'value',
        'confidence',
        'progress',
        'plans',
        'problems',
        'learnings',
      ]),
    );
  });
});

describe('saveCheckIn without optional sheets', () => {
  it('takes the number done for a milestone key result when the Milestones sheet is missing', () => {
    const emulator = checkInEmulator();
    emulator.uncounted(() =>
      emulator.spreadsheet.deleteSheet(emulator.spreadsheet.getSheetByName('Milestones')!),
    );
    const result = save(emulator, checkInPayload({ keyResultId: 'KR-MS', value: 2 }));
    expect(result.ok).toBe(true);
    expect(keyResultRow(emulator, 'KR-MS').Current).toBe(2);
  });

  it('tells the user to run setup when the Check-ins sheet is missing, writing nothing', () => {
    const emulator = checkInEmulator();
    emulator.uncounted(() =>
      emulator.spreadsheet.deleteSheet(emulator.spreadsheet.getSheetByName('Check-ins')!),
    );
    const before = sheetValues(emulator, 'Key Results');
    const result = save(emulator, checkInPayload());
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: null,
          message: expect.stringMatching(
            /"Check-ins" sheet is missing\. Run Extensions → OKR Cadence → Set up OKR workbook/,
          ),
        },
      ],
    });
    expect(sheetValues(emulator, 'Key Results')).toEqual(before);
  });
});

describe('when Google withholds the email address', () => {
  it('marks no key result as the user’s and leaves the Author blank', () => {
    const emulator = checkInEmulator({ user: '' });
    const context = plain(emulator.call('getCheckInContext') as CheckInContext);
    expect(context.userEmail).toBe('');
    expect(context.mine).toEqual([]);
    expect(context.all.keyResults.some((keyResult) => keyResult.ownedByUser)).toBe(false);
    expect(save(emulator, checkInPayload()).ok).toBe(true);
    expect(checkInRows(emulator).at(-1)!.Author).toBe('');
  });
});

describe('check-ins on a closed cycle', () => {
  /** Adds the Closed Cycles row that closing a cycle writes to Settings. */
  function closeCycles(emulator: ReturnType<typeof checkInEmulator>, cycles: string): void {
    emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Settings')!.appendRow(['Closed Cycles', cycles]),
    );
  }

  it('refuses a check-in on a key result of a closed cycle, says why, asks the page to reload and writes nothing', () => {
    const emulator = checkInEmulator();
    closeCycles(emulator, '2026 Q3');
    const before = workbookSnapshot(emulator);
    const result = save(emulator, checkInPayload({ keyResultId: 'KR-OLD', value: 1 }));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'keyResultId',
          message: expect.stringMatching(/cycle "2026 Q3", which has been closed.*"2026 Q4"/),
        },
      ],
      reload: true,
    });
    expect(workbookSnapshot(emulator)).toEqual(before);
    const detail = plain(emulator.call('getKeyResultDetail', 'KR-OLD') as KeyResultDetailResult);
    expect(detail).toMatchObject({ ok: false, reload: true });
  });

  it('refuses the check-in when the cycle is closed while the save waits for the lock', () => {
    const emulator = checkInEmulator();
    const before = checkInRows(emulator).length;
    emulator.locks.setBusy('document');
    emulator.locks.onWait = () => {
      closeCycles(emulator, '2026 Q4');
      emulator.locks.setBusy('document', false);
    };
    const result = save(emulator, checkInPayload());
    expect(result).toMatchObject({ ok: false, reload: true });
    expect(checkInRows(emulator)).toHaveLength(before);
  });

  it('gives the sidebar a new cycle stamp once a cycle is closed, so a sidebar left open reloads', () => {
    const emulator = checkInEmulator();
    const opened = plain(emulator.call('getCheckInContext') as CheckInContext).cycleStamp;
    expect(emulator.call('getCheckInCycle')).toBe(opened);
    closeCycles(emulator, '2026 Q4');
    expect(emulator.call('getCheckInCycle')).not.toBe(opened);
  });
});
