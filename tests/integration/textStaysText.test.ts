/**
 * Text the add-on writes reads back exactly as the user typed it, though Range.setValues reads
 * strings as typed input (the emulator parses "007", "50%", "TRUE", "1/2" as Sheets does): check-in
 * comments, Key Result IDs copied into Check-ins, the Reminder Log, the archive sheets and
 * carried IDs, each tried with values Sheets would re-type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../preview/emulator/index';
import type { SaveCheckInResult } from '../../src/shared/checkIn';
import type { CloseCycleData, CloseCycleResult } from '../../src/shared/closeCycle';
import { buildBundle } from './bundle';
import { checkInPayload, plain } from './checkInWorkbook';

beforeAll(buildBundle);

const NOW = '2026-11-18T10:00:00Z';

/** Values Sheets would turn into a number, date, boolean or formula, or change otherwise. */
const TRICKY_TEXTS = [
  '50%',
  '007',
  '1e5',
  'TRUE',
  'false',
  '2026-01-05',
  '1/2',
  '$5',
  '1,000',
  '1.10',
  '5-2',
  '=1+1',
  '+1',
  '-1',
  '-fixed the login',
  '@x',
  "'quoted",
  '#N/A',
  '  padded  ',
  'Ünïcødé ✓ 目标 🚀',
  'Jan 5',
  '9:30',
];

/**
 * IDs as users type them into the ID column (plain text after setup, so kept as typed). IDs are
 * matched trimmed, and a cell reading like an error value (#N/A) is no ID.
 */
const TRICKY_IDS = TRICKY_TEXTS.filter((text) => text.trim() === text && !text.startsWith('#'));

function sheet(emulator: Emulator, name: string) {
  return emulator.spreadsheet.getSheetByName(name)!;
}

function values(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(() => sheet(emulator, name).getDataRange().getValues());
}

function columnOf(emulator: Emulator, name: string, header: string): number {
  const index = values(emulator, name)[0]!.indexOf(header);
  if (index < 0) throw new Error(`${name} has no ${header} column`);
  return index;
}

/** Types rows into a table below its header, cell by cell by header name, as a user would. */
function typeRows(emulator: Emulator, name: string, rows: Record<string, unknown>[]): void {
  const header = values(emulator, name)[0]!;
  emulator.uncounted(() => {
    const target = sheet(emulator, name);
    const firstRow = target.getLastRow() + 1;
    rows.forEach((row, offset) => {
      for (const [label, value] of Object.entries(row))
        target.getRange(firstRow + offset, header.indexOf(label) + 1).setValue(value);
    });
  });
}

/** A set-up workbook with one objective and a key result per ID, owned by one person each. */
function workbookWithIds(ids: readonly string[]): Emulator {
  const emulator = createEmulator({ now: NOW, sheetNames: [], mailQuota: 500 });
  emulator.loadBundle();
  emulator.call('setUpWorkbook');
  typeRows(emulator, 'Objectives', [{ ID: 'O-1', Objective: 'Delight new teams' }]);
  typeRows(
    emulator,
    'Key Results',
    ids.map((id, index) => ({
      ID: id,
      'Objective ID': 'O-1',
      'Key Result': `Key result ${id}`,
      Owner: `owner${index}@example.com`,
      Type: 'increase',
      Start: 0,
      Target: 10,
      Current: 2,
    })),
  );
  emulator.calls.reset();
  return emulator;
}

const save = (emulator: Emulator, fields: Record<string, unknown>): SaveCheckInResult =>
  plain(emulator.call('saveCheckIn', checkInPayload(fields)) as SaveCheckInResult);

describe('Check-in comments', () => {
  it.each(TRICKY_TEXTS)(
    'read back %j exactly in Progress, Plans, Problems and Learnings',
    (text) => {
      const emulator = workbookWithIds(['KR-1']);
      const result = save(emulator, {
        keyResultId: 'KR-1',
        value: 3,
        progress: text,
        plans: text,
        problems: text,
        learnings: text,
      });
      expect(result.ok).toBe(true);
      const [header, row] = values(emulator, 'Check-ins');
      const comments = ['Progress', 'Plans', 'Problems', 'Learnings'].map(
        (label) => row![header!.indexOf(label)],
      );
      expect(comments).toEqual([text, text, text, text]);
      const formulas = emulator.uncounted(() =>
        sheet(emulator, 'Check-ins').getDataRange().getFormulas(),
      );
      expect(formulas.flat().filter(Boolean)).toEqual([]);
    },
  );
});

describe('Key Result IDs copied into Check-ins', () => {
  it('keep every ID shape as typed, so each check-in lands under its own key result', () => {
    const emulator = workbookWithIds(TRICKY_IDS);
    for (const id of TRICKY_IDS)
      expect(save(emulator, { keyResultId: id, value: 7 }).ok).toBe(true);
    const checkIns = values(emulator, 'Check-ins');
    const idColumn = columnOf(emulator, 'Check-ins', 'Key Result ID');
    expect(checkIns.slice(1).map((row) => row[idColumn])).toEqual(TRICKY_IDS);
    const keyResults = values(emulator, 'Key Results');
    const current = columnOf(emulator, 'Key Results', 'Current');
    expect(keyResults.slice(1).map((row) => [row[0], row[current]])).toEqual(
      TRICKY_IDS.map((id) => [id, 7]),
    );
  });

  it('match an ID Sheets already stored as a number (1.10 typed before setup reads 1.1) as it reads', () => {
    const emulator = workbookWithIds(['KR-1']);
    emulator.uncounted(() => {
      const ids = sheet(emulator, 'Key Results').getRange('A2');
      ids.setNumberFormat('0.###############').setValue('1.10');
    });
    expect(values(emulator, 'Key Results')[1]![0]).toBe(1.1);
    expect(save(emulator, { keyResultId: '1.1', value: 4 }).ok).toBe(true);
    const checkIns = values(emulator, 'Check-ins');
    expect(checkIns[1]![columnOf(emulator, 'Check-ins', 'Key Result ID')]).toBe('1.1');
  });
});

describe('The Reminder Log', () => {
  it('lists each owner’s key result IDs exactly as typed', () => {
    const emulator = workbookWithIds(TRICKY_IDS);
    emulator.call('sendRemindersNow');
    const [header, ...rows] = values(emulator, 'Reminder Log');
    const recipient = header!.indexOf('Recipient');
    const keyResults = header!.indexOf('Key Results');
    const listed = new Map(rows.map((row) => [row[recipient], row[keyResults]]));
    expect(TRICKY_IDS.map((_, index) => listed.get(`owner${index}@example.com`))).toEqual(
      TRICKY_IDS,
    );
  });
});

describe('Close cycle', () => {
  it('archives and carries key results whose IDs and titles Sheets would re-type, exactly', () => {
    const emulator = workbookWithIds(TRICKY_IDS);
    emulator.clock.set('2027-01-04T09:00:00Z');
    const data = plain(emulator.call('getCloseCycleData') as CloseCycleData);
    const result = plain(
      emulator.call('closeCycle', {
        cycleName: data.cycleName,
        lessons: [{ objectiveId: 'O-1', lessons: '1/2 of 50% — TRUE' }],
        carryForward: TRICKY_IDS,
      }) as CloseCycleResult,
    );
    expect(result.carried.map((carried) => carried.from)).toEqual(TRICKY_IDS);

    const archived = values(emulator, 'Archived Key Results');
    const archivedId = archived[0]!.indexOf('ID');
    const archivedTitle = archived[0]!.indexOf('Key Result');
    expect(archived.slice(1).map((row) => [row[archivedId], row[archivedTitle]])).toEqual(
      TRICKY_IDS.map((id) => [id, `Key result ${id}`]),
    );

    const archive = values(emulator, 'Archive');
    const lessons = archive[0]!.findIndex((label) => /lesson/i.test(String(label)));
    expect(archive.slice(1).map((row) => row[lessons])).toContain('1/2 of 50% — TRUE');

    const live = values(emulator, 'Key Results').slice(1);
    const carriedIds = live.map((row) => row[0]);
    expect(carriedIds.every((id) => typeof id === 'string')).toBe(true);
    // A carried ID gets -2, or its -N suffix counted on ("5-2" → "5-3"); each reads as written.
    expect(carriedIds).toEqual(result.carried.map((carried) => carried.to));
    expect(carriedIds.slice(0, 3)).toEqual(['50%-2', '007-2', '1e5-2']);
    expect(live.map((row) => row[2])).toEqual(TRICKY_IDS.map((id) => `Key result ${id}`));
  });
});

describe('The Teams sheet', () => {
  it('keeps team names and notes typed into it as text', () => {
    const emulator = createEmulator({ now: NOW, sheetNames: [] });
    emulator.loadBundle();
    emulator.call('setUpTeamsSheet');
    const texts = TRICKY_TEXTS.filter((text) => text.trim() === text);
    typeRows(
      emulator,
      'Teams',
      texts.map((text) => ({ Team: text, Notes: text })),
    );
    const [header, ...rows] = values(emulator, 'Teams');
    const team = header!.indexOf('Team');
    const notes = header!.indexOf('Notes');
    expect(rows.map((row) => [row[team], row[notes]])).toEqual(texts.map((text) => [text, text]));
  });
});

describe('Import OKRs…', () => {
  it('writes imported key result titles Sheets would re-type exactly as the source holds them', () => {
    const titles = TRICKY_TEXTS.filter((text) => text.trim() === text && !text.startsWith('#'));
    const header = ['Title', 'Type', 'Id', 'Parent', 'Owner', 'Start Value', 'Target Value'];
    const source = [
      header,
      ['Delight new teams', 'Objective', 'O-7', '', 'ana@example.com', '', ''],
      ...titles.map((title, index) => [
        title,
        'Key Result',
        `K-${index}`,
        'Delight new teams (Objective Id: O-7)',
        'ana@example.com',
        '0',
        '10',
      ]),
    ];
    const emulator = createEmulator({ now: NOW, sheetNames: [] });
    emulator.uncounted(() => {
      emulator.workbook.addSheet('export');
      // The export's cells hold text, as a CSV opened as plain text does.
      emulator.spreadsheet
        .getSheetByName('export')!
        .getRange(1, 1, source.length, header.length)
        .setNumberFormat('@')
        .setValues(source);
    });
    emulator.loadBundle();
    const payload = { sheets: ['export'], overrides: {}, ownerEmails: {}, cycle: null };
    const result = plain(emulator.call('runImport', payload) as { ok: boolean });
    expect(result.ok).toBe(true);
    const [krHeader, ...keyResults] = values(emulator, 'Key Results');
    const title = krHeader!.indexOf('Key Result');
    expect(keyResults.map((row) => row[title])).toEqual(titles);
    const [objectiveHeader, objective] = values(emulator, 'Objectives');
    expect(objective![objectiveHeader!.indexOf('Objective')]).toBe('Delight new teams');
  });
});

describe('The Calendar and the Dashboard', () => {
  it('show a cycle named like a date or a number exactly as Settings holds it', () => {
    const emulator = workbookWithIds(['KR-1']);
    emulator.uncounted(() => {
      const [header, ...rows] = values(emulator, 'Settings');
      const row = rows.findIndex((cells) => cells[0] === 'Cycle Name') + 2;
      emulator.spreadsheet
        .getSheetByName('Settings')!
        .getRange(row, header!.indexOf('Value') + 1)
        .setValue("'1/2");
    });
    emulator.call('buildCycleCalendar');
    expect(values(emulator, 'Calendar')[0]!.slice(0, 2)).toEqual(['OKR Cycle Calendar', '1/2']);
    emulator.call('buildDashboard');
    expect(values(emulator, 'Dashboard')[1]![1]).toBe('1/2');
  });
});
