/**
 * OKR workbooks at scale for `npm run bench:calls` and the cost tests: set up by the add-on, then
 * filled straight into the emulator's model (no parsing of typed input, no counted calls), so a
 * workbook of 10,000 key results and 500,000 check-ins builds in seconds.
 */
import {
  createEmulator,
  type CellValue,
  type Emulator,
  type SheetModel,
} from '../../preview/emulator/index.js';

export const SCALE_NOW = '2026-11-16T10:00:00Z';
/** The user running the operations: owns one key result in every OWNERS. */
export const SCALE_USER = 'person0@example.com';
const OWNERS = 200;
const KEY_RESULTS_PER_OBJECTIVE = 5;
const TYPES = ['increase', 'decrease', 'percentage', 'task', 'at least', 'at most', 'binary'];
const DAY = 86_400_000;

export interface Scale {
  keyResults: number;
  checkIns: number;
}

/** The key result every check-in test saves on: owned by SCALE_USER, an increase from 0 to 100. */
export const SCALE_KEY_RESULT = 'KR1';

function sheetModel(emulator: Emulator, name: string): SheetModel {
  const sheet = emulator.workbook.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`The set-up workbook has no ${name} sheet.`);
  return sheet;
}

/** Writes rows below the header by header text; fields the sheet has no column for are left out. */
function fillRows(
  sheet: SheetModel,
  count: number,
  fields: (index: number) => Record<string, CellValue>,
): void {
  const header = (sheet.rows[0] ?? []).map((cell) => String(cell?.value ?? ''));
  if (sheet.maxRows < count + 1) sheet.maxRows = count + 1;
  for (let index = 0; index < count; index++) {
    const record = fields(index);
    sheet.rows[index + 1] = header.map((name) =>
      record[name] === undefined || record[name] === '' ? undefined : { value: record[name] },
    );
  }
}

/** The Settings value of a setting set-up wrote. */
function setting(emulator: Emulator, name: string): CellValue {
  const row = sheetModel(emulator, 'Settings').rows.find((cells) => cells?.[0]?.value === name);
  if (row?.[1]?.value === undefined) throw new Error(`Set-up wrote no ${name} setting.`);
  return row[1].value;
}

/**
 * A set-up workbook with `keyResults` key results (five per objective, every type but milestone
 * and baseline, owners in turn among 200 people) and `checkIns` check-ins spread over them, oldest
 * first, signed in as SCALE_USER.
 */
export function scaleWorkbook(scale: Scale): Emulator {
  const emulator = createEmulator({ now: SCALE_NOW, user: SCALE_USER });
  emulator.loadBundle();
  emulator.call('setUpWorkbook');
  const cycle = setting(emulator, 'Cycle Name');
  const cycleStart = setting(emulator, 'Cycle Start') as Date;
  const cycleEnd = setting(emulator, 'Cycle End') as Date;
  const owner = (index: number) => `person${index % OWNERS}@example.com`;
  const objectives = Math.ceil(scale.keyResults / KEY_RESULTS_PER_OBJECTIVE);
  fillRows(sheetModel(emulator, 'Objectives'), objectives, (index) => ({
    ID: `O${index + 1}`,
    Objective: `Objective ${index + 1}`,
    Owner: owner(index * KEY_RESULTS_PER_OBJECTIVE),
    Team: `Team ${index % 40}`,
    Cycle: cycle,
  }));
  const started = Date.parse(SCALE_NOW) - 60 * DAY;
  // Check-ins every few minutes over the weeks before now, each KR in turn.
  const spacing = Math.max(1, Math.floor((60 * DAY) / Math.max(1, scale.checkIns)));
  /** The time of the KR's latest check-in, as a save leaves it on the row; else a day of the plan. */
  const lastCheckIn = (index: number): Date => {
    if (index >= scale.checkIns) return new Date(started + (index % 60) * DAY);
    const latest = scale.checkIns - 1 - ((scale.checkIns - 1 - index) % scale.keyResults);
    return new Date(started + latest * spacing);
  };
  fillRows(sheetModel(emulator, 'Key Results'), scale.keyResults, (index) => {
    const type = TYPES[index % TYPES.length]!;
    const percent = type === 'percentage';
    return {
      ID: `KR${index + 1}`,
      'Objective ID': `O${Math.floor(index / KEY_RESULTS_PER_OBJECTIVE) + 1}`,
      'Key Result': `Key result ${index + 1} of team ${index % 40}`,
      Owner: owner(index),
      Type: type,
      Unit: percent || type === 'binary' ? '' : 'points',
      Start: type === 'decrease' ? 100 : percent || type === 'binary' ? '' : 0,
      Target: type === 'decrease' ? 20 : percent || type === 'binary' ? '' : 100,
      Current: type === 'binary' ? index % 2 === 0 : percent ? (index % 100) / 100 : index % 100,
      'Start Date': cycleStart,
      'Due Date': cycleEnd,
      Weight: 1,
      Confidence: index % 11,
      'Last Check-in': lastCheckIn(index),
    };
  });
  const texts = Array.from({ length: 100 }, (_, index) => `Week ${index}: moved the number`);
  fillRows(sheetModel(emulator, 'Check-ins'), scale.checkIns, (index) => {
    const keyResult = index % scale.keyResults;
    return {
      Timestamp: new Date(started + index * spacing),
      'Key Result ID': `KR${keyResult + 1}`,
      Value: index % 100,
      Confidence: index % 11,
      Progress: texts[index % 100]!,
      Plans: texts[(index + 1) % 100]!,
      Author: owner(keyResult),
    };
  });
  emulator.workbook.touch();
  emulator.calls.reset();
  return emulator;
}
