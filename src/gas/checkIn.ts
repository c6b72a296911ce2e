/**
 * The check-in sidebar's server side: getCheckInContext reads the workbook once per table, and
 * saveCheckIn validates the untrusted payload, then writes one Check-ins row and the KR row
 * under the document lock. Validation problems come back as data so the page can place them.
 */
import {
  checkInRecord,
  checkValueForKeyResult,
  keyResultUpdate,
  readCheckInPayload,
} from '../core/checkIn';
import {
  buildCheckInContext,
  summarizeKeyResult,
  type CheckInWorkbook,
} from '../core/checkInSummary';
import { OkrInputError } from '../core/errors';
import type { CheckInContext, CheckInFieldError, SaveCheckInResult } from '../shared/checkIn';
import { fieldsInOurColumns } from '../workbook/adoption';
import { idKey } from '../workbook/cells';
import { describeProblem, type RowProblem } from '../workbook/problems';
import {
  CHECK_INS,
  KEY_RESULTS,
  MILESTONES,
  OBJECTIVES,
  SETTINGS,
  type TableDef,
} from '../workbook/schema';
import { parseSettings } from '../workbook/settings';
import {
  parseCheckIns,
  parseKeyResults,
  parseMilestones,
  parseObjectives,
} from '../workbook/tables';
import { importableSheets } from './importHint';
import { appendRows, readTable, withDocumentLock, writeRowFields } from './tables';

/**
 * The signed-in user's email. Needs the userinfo.email scope; it is "" when Google withholds it
 * (a consumer account using another person's add-on), and then no KR is marked as the user's.
 * https://developers.google.com/apps-script/reference/base/session#getActiveUser()
 */
function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** Sheets without which a check-in still makes sense: they read as empty. */
function readOptionalTable(table: TableDef): unknown[][] {
  try {
    return readTable(table).values;
  } catch (error) {
    if (error instanceof OkrInputError) return [];
    throw error;
  }
}

function loadWorkbook(now: Date): { workbook: CheckInWorkbook; problems: RowProblem[] } {
  const keyResults = parseKeyResults(readTable(KEY_RESULTS).values);
  const objectivesValues = readOptionalTable(OBJECTIVES);
  const objectives = objectivesValues.length > 0 ? parseObjectives(objectivesValues) : null;
  const checkInsValues = readOptionalTable(CHECK_INS);
  const checkIns = checkInsValues.length > 0 ? parseCheckIns(checkInsValues) : null;
  const milestonesValues = readOptionalTable(MILESTONES);
  const milestones = milestonesValues.length > 0 ? parseMilestones(milestonesValues) : null;
  const settings = parseSettings(readOptionalTable(SETTINGS), now);
  return {
    workbook: {
      keyResults: keyResults.rows,
      objectives: objectives?.rows ?? [],
      checkIns: checkIns?.rows ?? [],
      milestones: milestones?.rows ?? [],
      settings: settings.settings,
    },
    // Only problems that can hide a KR from the sidebar or change what it shows.
    problems: [...keyResults.problems, ...(milestones?.problems ?? []), ...settings.problems],
  };
}

/** Everything the sidebar shows when it opens; with no key results, where OKRs seem to be. */
export function getCheckInContext(): CheckInContext {
  const now = new Date();
  let loaded: ReturnType<typeof loadWorkbook>;
  try {
    loaded = loadWorkbook(now);
  } catch (error) {
    // No Key Results table yet: a workbook of the team's own OKRs is led to Import OKRs….
    const importable = error instanceof OkrInputError ? importableSheets() : [];
    if (importable.length === 0) throw error;
    return { ...emptyCheckInContext(now), importableSheets: importable };
  }
  const context = buildCheckInContext(
    loaded.workbook,
    activeUserEmail(),
    now,
    loaded.problems.map(describeProblem),
  );
  return {
    ...context,
    importableSheets: context.keyResults.length === 0 ? importableSheets() : [],
  };
}

function emptyCheckInContext(now: Date): Omit<CheckInContext, 'importableSheets'> {
  return {
    userEmail: activeUserEmail(),
    cycleName: '',
    asOf: now.toISOString(),
    objectives: [],
    keyResults: [],
    problems: [],
  };
}

/**
 * Validates and saves a check-in. Nothing is written unless every field is valid and the lock is
 * had; the result is the refreshed KR, or the problems with the field each belongs to.
 */
export function saveCheckIn(payload: unknown): SaveCheckInResult {
  const read = readCheckInPayload(payload);
  if (!read.ok) return read;
  const checkIn = read.value;
  const author = activeUserEmail();
  let savedAt: Date;
  try {
    const written = withDocumentLock(() => writeCheckIn(checkIn, author));
    if (!written.ok) return written;
    savedAt = written.savedAt;
  } catch (error) {
    // The lock was not had, or a sheet is missing: said for people, nothing written.
    if (error instanceof OkrInputError)
      return { ok: false, errors: [{ field: null, message: error.message }] };
    throw error;
  }
  const { workbook } = loadWorkbook(savedAt);
  const keyResult = workbook.keyResults.find(
    (candidate) => idKey(candidate.id) === idKey(checkIn.keyResultId),
  );
  if (!keyResult) {
    return {
      ok: false,
      errors: [
        {
          field: 'keyResultId',
          message: `The check-in was saved, but key result "${checkIn.keyResultId}" has since left the Key Results sheet.`,
        },
      ],
    };
  }
  const objective = workbook.objectives.find(
    (candidate) => idKey(candidate.id) === idKey(keyResult.objectiveId),
  );
  const summary = summarizeKeyResult(
    keyResult,
    objective?.title ?? '',
    workbook.checkIns.filter((row) => idKey(row.keyResultId) === idKey(keyResult.id)),
    workbook.milestones.filter((row) => idKey(row.keyResultId) === idKey(keyResult.id)),
    workbook.settings,
    savedAt,
    author,
  );
  return { ok: true, keyResult: summary, savedAt: savedAt.toISOString() };
}

type WriteResult = { ok: true; savedAt: Date } | { ok: false; errors: CheckInFieldError[] };

/** Runs under the document lock: reads the KR fresh, checks the value, then writes. */
function writeCheckIn(checkIn: Parameters<typeof checkInRecord>[0], author: string): WriteResult {
  const now = new Date();
  const keyResultValues = readTable(KEY_RESULTS).values;
  const keyResults = parseKeyResults(keyResultValues);
  const keyResult = keyResults.byId.get(checkIn.keyResultId);
  if (!keyResult) {
    return {
      ok: false,
      errors: [
        {
          field: 'keyResultId',
          message: `No key result has the ID "${checkIn.keyResultId.slice(0, 60)}" in the Key Results sheet. Close and reopen the sidebar, then choose a key result from the list.`,
        },
      ],
    };
  }
  // Only milestone KRs need the checklist; without a Milestones sheet they take the number done.
  const milestonesValues = keyResult.type === 'milestone' ? readOptionalTable(MILESTONES) : [];
  const milestones = milestonesValues.length > 0 ? parseMilestones(milestonesValues) : null;
  const ownMilestones = (milestones?.rows ?? []).filter(
    (row) => idKey(row.keyResultId) === idKey(keyResult.id),
  );
  const fitted = checkValueForKeyResult(checkIn, keyResult, ownMilestones, now);
  if (!fitted.ok) return fitted;
  const { value, milestoneUpdates } = fitted.value;
  appendRows(CHECK_INS, [checkInRecord(checkIn, keyResult, value, author, now)]);
  writeRowFields(
    KEY_RESULTS,
    keyResult.row,
    // A Confidence column of words or a Last Check-in column of notes is the user's: left alone.
    fieldsInOurColumns(
      keyResultUpdate(value, checkIn.confidence, now),
      keyResultValues,
      keyResults.columns,
    ),
    keyResults.columns,
  );
  // One write per milestone ticked in this check-in: a handful, never the size of the table.
  for (const update of milestoneUpdates) {
    writeRowFields(
      MILESTONES,
      update.row,
      { done: update.done, doneDate: update.doneDate },
      milestones!.columns,
    );
  }
  // Written before the lock is released, so the next person's read sees this check-in.
  SpreadsheetApp.flush();
  return { ok: true, savedAt: now };
}
