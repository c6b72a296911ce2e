/**
 * The emulator's runtime: the vm context, calling functions by name, the clock, the call counter,
 * time-driven triggers, formula evaluation and saving the state.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../../preview/emulator/index.js';

const SCRIPT = `
function whatTimeIsIt() { return new Date().toISOString() + ' ' + Date.now(); }
function isDate(value) { return value instanceof Date && value.constructor === Date; }
function isArray(value) { return value instanceof Array; }
function globalsSeen() {
  return ['require', 'process', 'setTimeout', 'fetch', 'Buffer', 'module', 'SpreadsheetApp', 'Charts', 'Utilities']
    .map(function (name) { return name + ':' + typeof globalThis[name]; });
}
function readCell() { return SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue(); }
function writeCell(value) { SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(value); }
function secret_() { return 'private'; }
var counter = 0;
function countUp() { counter++; return counter; }
function lockedWrite(value) {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return 'busy';
  writeCell(value);
  lock.releaseLock();
  return 'written';
}
function lockAndKeep() { return LockService.getDocumentLock().tryLock(100); }
function remindLater() {
  ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(9).inTimezone('Europe/Berlin').create();
}
function weekly() {
  ScriptApp.newTrigger('remind').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(9).nearMinute(30).create();
}
function remind(event) {
  Logger.log('remind %s at %s as %s', event.triggerUid, new Date().toISOString(), Session.getEffectiveUser().getEmail());
}
function failing() { throw new Error('boom'); }
function alertFromTrigger() { SpreadsheetApp.getUi().alert('hello'); }
function sumRows(size) {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  var values = sheet.getRange(1, 1, size, 2).getValues();
  var total = 0;
  for (var i = 0; i < values.length; i++) total += values[i][0];
  sheet.getRange(1, 3, size, 1).setValues(values.map(function (row) { return [row[0] * 2]; }));
  return total;
}
`;

function scripted(options: Parameters<typeof createEmulator>[0] = {}): Emulator {
  const emulator = createEmulator({ now: '2026-01-05T08:00:00Z', ...options });
  emulator.loadBundle(SCRIPT);
  return emulator;
}

describe('The script context', () => {
  it('holds the Apps Script globals and none of Node', () => {
    expect(scripted().call('globalsSeen')).toEqual([
      'require:undefined',
      'process:undefined',
      'setTimeout:undefined',
      'fetch:undefined',
      'Buffer:undefined',
      'module:undefined',
      'SpreadsheetApp:object',
      'Charts:object',
      'Utilities:object',
    ]);
  });

  it('gives the script Dates and arrays of its own realm', () => {
    const emulator = scripted();
    emulator.uncounted(() =>
      emulator.spreadsheet.getSheets()[0]!.getRange('A1').setValue(new Date(0)),
    );
    expect(emulator.call('isDate', new Date())).toBe(true);
    expect(emulator.call('isArray', [[1]])).toBe(true);
    const cell = emulator.call('readCell') as Date;
    expect(vm.runInContext('(d) => d instanceof Date', emulator.context)(cell)).toBe(true);
    expect(cell.getTime()).toBe(0);
  });

  it('refuses a bundle with import or export statements', () => {
    expect(() => createEmulator().loadBundle('export function onOpen() {}')).toThrow(
      /import\/export/,
    );
  });

  it('calls top-level functions by name and refuses private or unknown ones', () => {
    const emulator = scripted();
    emulator.call('writeCell', 'hello');
    expect(emulator.call('readCell')).toBe('hello');
    expect(() => emulator.call('secret_')).toThrow(/private \(its name ends in _\)/);
    expect(() => emulator.call('nope')).toThrow('Script function not found: nope');
    expect(() => emulator.call('SpreadsheetApp')).toThrow(
      'Script function not found: SpreadsheetApp',
    );
    expect(emulator.functionNames()).toContain('writeCell');
    expect(emulator.functionNames()).not.toContain('Date');
  });

  it('releases the locks a call holds when it returns', () => {
    const emulator = scripted();
    expect(emulator.call('lockAndKeep')).toBe(true);
    expect(emulator.locks.isHeld('document')).toBe(false);
  });
});

describe('The clock', () => {
  it('is what new Date() and Date.now() return in the script', () => {
    const emulator = scripted();
    expect(emulator.call('whatTimeIsIt')).toBe('2026-01-05T08:00:00.000Z 1767600000000');
    emulator.clock.advance(90_000);
    expect(emulator.call('whatTimeIsIt')).toBe('2026-01-05T08:01:30.000Z 1767600090000');
    emulator.clock.set('2027-02-01T00:00:00Z');
    expect(emulator.call('whatTimeIsIt')).toMatch(/^2027-02-01T00:00:00.000Z/);
  });

  it('refuses to move backwards', () => {
    expect(() => createEmulator().clock.advance(-1)).toThrow(/backwards/);
  });
});

describe('AuthMode', () => {
  it('lets onOpen build the menu in AuthMode.NONE but refuses other services', () => {
    const emulator = scripted();
    expect(() => emulator.callWith({ authMode: 'NONE' }, 'readCell')).toThrow(
      /You do not have permission to call SpreadsheetApp.getActive in AuthMode.NONE/,
    );
    expect(emulator.callWith({ authMode: 'FULL' }, 'readCell')).toBe('');
  });

  it('refuses writes and mail from custom functions', () => {
    const emulator = scripted();
    expect(emulator.callWith({ authMode: 'CUSTOM_FUNCTION' }, 'readCell')).toBe('');
    expect(() => emulator.callWith({ authMode: 'CUSTOM_FUNCTION' }, 'writeCell', 1)).toThrow(
      /Range.setValue from a custom function/,
    );
  });
});

describe('Custom functions', () => {
  it('run without releasing the locks of the running script', () => {
    const emulator = scripted();
    emulator.globals.LockService.getDocumentLock().tryLock(0);
    expect(emulator.callCustomFunction('readCell', [])).toBe('');
    expect(emulator.locks.isHeld('document')).toBe(true);
  });

  it('are refused writes even when a script read triggers them', () => {
    const emulator = scripted();
    emulator.setFormulaEvaluator(() => emulator.callCustomFunction('writeCell', ['x']) as string);
    emulator.uncounted(() =>
      emulator.spreadsheet.getSheets()[0]!.getRange('A1').setFormula('=WRITE()'),
    );
    expect(emulator.call('readCell')).toBe('#ERROR!');
    expect(() => emulator.callCustomFunction('writeCell', [1])).toThrow(
      /Range.setValue from a custom function/,
    );
  });
});

describe('The service-call counter', () => {
  it('counts each call by service and method, and can be reset', () => {
    const emulator = scripted();
    emulator.call('readCell');
    expect(emulator.calls.snapshot()).toEqual({
      'Range.getValue': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActive': 1,
    });
    emulator.calls.reset();
    expect(emulator.calls.count()).toBe(0);
  });

  it('shows the same number of calls for 10 rows and 10,000 rows of batched work', () => {
    const counts = [10, 10_000].map((size) => {
      const emulator = scripted();
      emulator.workbook.sheets[0]!.maxRows = size;
      emulator.uncounted(() =>
        emulator.spreadsheet
          .getSheets()[0]!
          .getRange(1, 1, size, 2)
          .setValues(Array.from({ length: size }, (_, i) => [i, 'x'])),
      );
      emulator.call('sumRows', size);
      return emulator.calls.count();
    });
    expect(counts[0]).toBe(counts[1]);
  });

  it("runs the before-call hook before each counted call, without counting the hook's own calls", () => {
    const emulator = scripted();
    const seen: string[] = [];
    emulator.calls.beforeCall = (call) => {
      seen.push(call);
      if (call === 'Range.getValue')
        emulator.spreadsheet.getSheets()[0]!.getRange('A1').setValue('other user');
    };
    expect(emulator.call('readCell')).toBe('other user');
    expect(seen).toEqual([
      'SpreadsheetApp.getActive',
      'Spreadsheet.getSheets',
      'Sheet.getRange',
      'Range.getValue',
    ]);
    expect(emulator.calls.count()).toBe(4);
  });
});

describe('Concurrent executions', () => {
  it('share the spreadsheet, clock and outbox but not the script globals', () => {
    const emulator = scripted();
    const other = emulator.concurrentExecution();
    expect([emulator.call('countUp'), emulator.call('countUp'), other.call('countUp')]).toEqual([
      1, 2, 1,
    ]);
    other.call('writeCell', 'from the other execution');
    expect(emulator.call('readCell')).toBe('from the other execution');
    other.clock.advance(60_000);
    expect(emulator.clock.now()).toBe(Date.parse('2026-01-05T08:01:00Z'));
  });

  it("see each other's held locks as busy while they run interleaved", () => {
    const emulator = scripted();
    const other = emulator.concurrentExecution();
    const results: unknown[] = [];
    emulator.calls.beforeCall = (call) => {
      if (call === 'Range.setValue') results.push(other.call('lockedWrite', 'other'));
    };
    results.push(emulator.call('lockedWrite', 'first'));
    expect(results).toEqual(['busy', 'written']);
    expect(other.locks.attempts).toEqual([
      { kind: 'document', granted: false, timeoutInMillis: 1000 },
    ]);
    emulator.calls.beforeCall = null;
    expect(other.call('lockedWrite', 'other')).toBe('written');
    expect(emulator.call('readCell')).toBe('other');
  });
});

describe('Time-driven triggers', () => {
  it('fires a daily trigger at its hour in its time zone, as its owner', () => {
    const emulator = scripted({ user: 'ana@example.com' });
    emulator.call('remindLater');
    emulator.setActiveUser('bo@example.com');
    const runs = emulator.runDueTriggers('2026-01-07T12:00:00Z');
    // 09:00 in Berlin is 08:00 UTC in January; the trigger was created at 08:00 UTC on the 5th.
    expect(runs.map((run) => new Date(run.at).toISOString())).toEqual([
      '2026-01-06T08:00:00.000Z',
      '2026-01-07T08:00:00.000Z',
    ]);
    expect(emulator.logs.map((line) => line.message)).toEqual([
      'remind trigger-1 at 2026-01-06T08:00:00.000Z as ana@example.com',
      'remind trigger-1 at 2026-01-07T08:00:00.000Z as ana@example.com',
    ]);
    expect(new Date(emulator.clock.now()).toISOString()).toBe('2026-01-07T12:00:00.000Z');
  });

  it('fires a weekly trigger on its weekday at the chosen minute', () => {
    // Without inTimezone a trigger keeps the script's zone; the expected instants are UTC's.
    const emulator = scripted({ timeZone: 'Etc/UTC' });
    emulator.call('weekly');
    const runs = emulator.runDueTriggers('2026-01-20T00:00:00Z');
    expect(runs.map((run) => new Date(run.at).toISOString())).toEqual([
      '2026-01-09T09:30:00.000Z',
      '2026-01-16T09:30:00.000Z',
    ]);
  });

  it('fires every n hours from the creation hour and every n days from the creation day', () => {
    const emulator = scripted({ timeZone: 'Etc/UTC' });
    const app = emulator.globals.ScriptApp;
    app.newTrigger('remind').timeBased().everyHours(4).create();
    emulator.setActiveUser('bo@example.com');
    app.newTrigger('remind').timeBased().everyDays(2).atHour(6).create();
    const runs = emulator.runDueTriggers('2026-01-08T00:00:00Z');
    const times = (owner: string) =>
      runs
        .filter(
          (run) => emulator.triggers.triggers.find((t) => t.id === run.triggerId)!.owner === owner,
        )
        .map((run) => new Date(run.at).toISOString().slice(5, 16));
    expect(times('owner@example.com')).toEqual([
      '01-05T12:00',
      '01-05T16:00',
      '01-05T20:00',
      '01-06T00:00',
      '01-06T04:00',
      '01-06T08:00',
      '01-06T12:00',
      '01-06T16:00',
      '01-06T20:00',
      '01-07T00:00',
      '01-07T04:00',
      '01-07T08:00',
      '01-07T12:00',
      '01-07T16:00',
      '01-07T20:00',
      '01-08T00:00',
    ]);
    expect(times('bo@example.com')).toEqual(['01-07T06:00']);
  });

  it('allows one time-driven trigger per user and spreadsheet', () => {
    const emulator = scripted({ user: 'ana@example.com' });
    emulator.call('remindLater');
    expect(() => emulator.call('remindLater')).toThrow(/too many time-based triggers/);
    emulator.setActiveUser('bo@example.com');
    emulator.call('remindLater');
    expect(emulator.triggers.triggers.map((t) => t.owner)).toEqual([
      'ana@example.com',
      'bo@example.com',
    ]);
  });

  it('refuses the Ui inside a trigger run', () => {
    const emulator = scripted();
    emulator.triggers.triggers.push({
      id: 't-ui',
      handlerFunction: 'alertFromTrigger',
      owner: 'owner@example.com',
      spreadsheetId: emulator.workbook.id,
      schedule: { everyHours: 1, timeZone: 'Etc/UTC' },
      createdAt: emulator.clock.now(),
      nextRunAt: emulator.clock.now() + 3_600_000,
    });
    expect(() => emulator.runTrigger('t-ui')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    emulator.call('alertFromTrigger');
    expect(emulator.ui.alerts).toHaveLength(1);
  });

  it('records handler errors of due runs and throws them from runTrigger', () => {
    const emulator = scripted();
    emulator.triggers.triggers.push({
      id: 't-fail',
      handlerFunction: 'failing',
      owner: 'owner@example.com',
      spreadsheetId: emulator.workbook.id,
      schedule: { everyHours: 1, timeZone: 'Etc/UTC' },
      createdAt: emulator.clock.now(),
      nextRunAt: emulator.clock.now() + 3_600_000,
    });
    expect(emulator.runDueTriggers(emulator.clock.now() + 2 * 3_600_000)).toEqual([
      {
        triggerId: 't-fail',
        handlerFunction: 'failing',
        at: Date.parse('2026-01-05T09:00:00Z'),
        error: 'boom',
      },
      {
        triggerId: 't-fail',
        handlerFunction: 'failing',
        at: Date.parse('2026-01-05T10:00:00Z'),
        error: 'boom',
      },
    ]);
    expect(() => emulator.runTrigger('t-fail')).toThrow('boom');
  });

  it("lists and deletes the current user's triggers, and refuses minute schedules", () => {
    const emulator = scripted();
    emulator.call('remindLater');
    const app = emulator.globals.ScriptApp;
    const [trigger] = app.getUserTriggers(emulator.spreadsheet);
    expect(trigger!.getHandlerFunction()).toBe('remind');
    emulator.setActiveUser('bo@example.com');
    expect(app.getProjectTriggers()).toHaveLength(0);
    emulator.setActiveUser('owner@example.com');
    app.deleteTrigger(trigger!);
    expect(app.getProjectTriggers()).toHaveLength(0);
    expect(() => app.newTrigger('remind').timeBased().everyMinutes(5)).toThrow(
      /more often than once an hour/,
    );
    expect(() => app.newTrigger('remind').timeBased().everyHours(3)).toThrow(/1, 2, 4, 6, 8 or 12/);
  });

  it('can run triggers without an active spreadsheet, leaving openById working', () => {
    const emulator = scripted();
    emulator.loadBundle(
      "function whereAmI() { Logger.log(String(SpreadsheetApp.getActiveSpreadsheet()) + ' ' + SpreadsheetApp.openById('" +
        emulator.workbook.id +
        "').getName()); }",
    );
    emulator.triggers.triggers.push({
      id: 't-where',
      handlerFunction: 'whereAmI',
      owner: 'owner@example.com',
      spreadsheetId: emulator.workbook.id,
      schedule: { everyHours: 1, timeZone: 'Etc/UTC' },
      createdAt: emulator.clock.now(),
      nextRunAt: emulator.clock.now() + 3_600_000,
    });
    emulator.activeSpreadsheetInTriggers = false;
    emulator.runTrigger('t-where');
    expect(emulator.logs.map((line) => line.message)).toEqual([`null ${emulator.workbook.name}`]);
    expect(emulator.globals.SpreadsheetApp.getActive()).not.toBeNull();
  });

  it('reports the scripted authorisation status', () => {
    const emulator = scripted();
    const app = emulator.globals.ScriptApp;
    expect(app.getAuthorizationInfo(app.AuthMode.FULL).getAuthorizationStatus()).toBe(
      app.AuthorizationStatus.NOT_REQUIRED,
    );
    emulator.triggers.authorizationStatus = 'REQUIRED';
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe('REQUIRED');
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\//);
  });
});

describe('Formula evaluation', () => {
  it('reads formula cells as empty without an evaluator', () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1').setFormula('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('asks the evaluator lazily and recomputes after a change', () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    let evaluations = 0;
    emulator.setFormulaEvaluator((cell, workbook) => {
      evaluations++;
      return cell.formula === '=DOUBLE(A1)'
        ? Number(workbook.getValue(cell.sheetName, 1, 1)) * 2
        : '#NAME?';
    });
    sheet.getRange('A1').setValue(4);
    sheet.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(evaluations).toBe(0);
    expect(sheet.getRange('B1').getValue()).toBe(8);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[4, 8]]);
    expect(evaluations).toBe(1);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('B1').getValue()).toBe(10);
  });

  it('spills array results down from the formula cell, counting them in the last row', () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    emulator.setFormulaEvaluator(() => [['Progress'], [0.5], [1]]);
    sheet.getRange('C1').setFormula('={"Progress"; OKRPROGRESS(A2:A)}');
    expect(sheet.getRange('C1:C4').getValues()).toEqual([['Progress'], [0.5], [1], ['']]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getRange('C2').getFormula()).toBe('');
  });

  it('shows #REF! instead of spilling over content', () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    emulator.setFormulaEvaluator(() => [[1], [2]]);
    sheet.getRange('A2').setValue('typed by a user');
    sheet.getRange('A1').setFormula('=SEQUENCE(2)');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#REF!'], ['typed by a user']]);
  });

  it('lets a formula read values spilled by a later formula', () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    emulator.setFormulaEvaluator((cell, workbook) =>
      cell.row === 1 ? workbook.getValue(cell.sheetName, 3, 1) : [[7], [8]],
    );
    sheet.getRange('A1').setFormula('=A3');
    sheet.getRange('A2').setFormula('=SPILL()');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[8], [7], [8]]);
  });
});

describe('Saving the state', () => {
  it('restores cells, formats, rules, named ranges, properties, triggers and the outbox', () => {
    const emulator = scripted({ user: 'ana@example.com' });
    const spreadsheet = emulator.spreadsheet;
    const sheet = spreadsheet.insertSheet('Key Results');
    sheet.getRange('A1:C2').setValues([
      ['ID', 'Due', 'Progress'],
      ['KR1', new Date(Date.UTC(2026, 2, 31)), 0.5],
    ]);
    sheet.getRange('C2').setNumberFormat('0%').setBackground('#b7e1cd');
    sheet.getRange('D1').setFormula('=OKRSCORE(A1:C2)');
    sheet
      .getRange('A2:A')
      .setDataValidation(
        emulator.globals.SpreadsheetApp.newDataValidation()
          .requireValueInRange(sheet.getRange('A2:A'))
          .build(),
      );
    sheet.setFrozenRows(1);
    spreadsheet.setNamedRange('OKR_KEY_RESULTS', sheet.getRange('A1:C2'));
    emulator.globals.PropertiesService.getUserProperties().setProperty('remindersOn', 'true');
    emulator.globals.MailApp.sendEmail('bo@example.com', 'Hi', 'body');
    emulator.call('remindLater');
    const saved = JSON.parse(JSON.stringify(emulator.toJSON()));

    const restored = scripted();
    restored.fromJSON(saved);
    const copy = restored.spreadsheet.getSheetByName('Key Results')!;
    const [[due]] = copy.getRange('B2').getValues();
    expect((due as Date).getTime()).toBe(Date.UTC(2026, 2, 31));
    expect(copy.getRange('C2').getDisplayValue()).toBe('50%');
    expect(copy.getRange('C2').getBackground()).toBe('#b7e1cd');
    expect(copy.getRange('D1').getFormula()).toBe('=OKRSCORE(A1:C2)');
    const [listRange] = copy.getRange('A7').getDataValidation()!.getCriteriaValues() as [
      { getA1Notation(): string },
    ];
    expect(listRange.getA1Notation()).toBe('A2:A1000');
    expect(copy.getFrozenRows()).toBe(1);
    expect(restored.spreadsheet.getRangeByName('OKR_KEY_RESULTS')!.getA1Notation()).toBe('A1:C2');
    expect(restored.activeUser).toBe('ana@example.com');
    expect(restored.globals.PropertiesService.getUserProperties().getProperty('remindersOn')).toBe(
      'true',
    );
    expect(restored.outbox.map((m) => m.to)).toEqual(['bo@example.com']);
    expect(restored.globals.MailApp.getRemainingDailyQuota()).toBe(99);
    expect(restored.triggers.triggers).toHaveLength(1);
    expect(restored.clock.now()).toBe(emulator.clock.now());
    expect(restored.toJSON()).toEqual(saved);
  });
});
