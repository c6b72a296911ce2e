/**
 * Check-ins from the sidebar (SPEC §4): the payload comes from a page we do not trust, so every
 * field is checked here before anything is written, and each problem names its field.
 */
import {
  COMMENT_FIELDS,
  COMMENT_LABELS,
  MAX_COMMENT_LENGTH,
  type CheckInField,
  type CheckInFieldError,
  type CheckInInputKind,
  type CheckInPayload,
  type MilestoneCheck,
} from '../shared/checkIn';
import { MAX_CONFIDENCE, MIN_CONFIDENCE } from './confidence';
import type { KeyResult, KeyResultType, MeasuredValue, Milestone } from './types';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: CheckInFieldError[] };

const PAYLOAD_FIELDS: readonly CheckInField[] = [
  'keyResultId',
  'value',
  'milestones',
  'confidence',
  ...COMMENT_FIELDS,
];

/** IDs are short; a longer one is not an ID the sheet could hold. */
const MAX_ID_LENGTH = 200;
/** More milestones than any KR checklist has; bounds the work an untrusted payload can cause. */
const MAX_MILESTONES = 500;
/** Larger magnitudes lose integer precision in a double and are typing mistakes in any KR. */
const MAX_MAGNITUDE = 1e15;

const fieldError = (field: CheckInField | null, message: string): CheckInFieldError => ({
  field,
  message,
});

/** Plain objects only: a Date, an array or an object from a class is not a check-in. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  // Objects built in another realm (the emulator's node:vm context) have another Object.prototype.
  return Object.prototype.toString.call(value) === '[object Object]' && !Array.isArray(value);
}

/** What a value is, in words, for messages ("a date", "text"). */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'blank';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'a date object';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'not a finite number';
  if (typeof value === 'boolean') return 'yes/no';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks the shape of a payload from the sidebar: every field present with the right JSON type,
 * comments within MAX_COMMENT_LENGTH, confidence an integer 0–10, no unknown fields. Whether the
 * value fits the KR is checked by `checkValueForKeyResult` once the KR is read.
 */
export function readCheckInPayload(payload: unknown): Checked<CheckInPayload> {
  if (!isPlainObject(payload)) {
    return {
      ok: false,
      errors: [
        fieldError(
          null,
          `The check-in is ${describeValue(payload)}, not a form. Send an object with the fields ${PAYLOAD_FIELDS.join(', ')}.`,
        ),
      ],
    };
  }
  const errors: CheckInFieldError[] = [];
  for (const key of Object.keys(payload)) {
    if (!(PAYLOAD_FIELDS as readonly string[]).includes(key)) {
      errors.push(
        fieldError(
          null,
          `"${key.slice(0, 40)}" is not a check-in field. Send only ${PAYLOAD_FIELDS.join(', ')}.`,
        ),
      );
    }
  }
  const keyResultId = readKeyResultId(payload.keyResultId, errors);
  const value = readValue(payload.value, errors);
  const milestones = readMilestoneChecks(payload.milestones, errors);
  const confidence = readConfidence(payload.confidence, errors);
  const comments = Object.fromEntries(
    COMMENT_FIELDS.map((field) => [field, readComment(field, payload[field], errors)]),
  ) as Record<(typeof COMMENT_FIELDS)[number], string>;
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { keyResultId, value, milestones, confidence, ...comments } };
}

function readKeyResultId(cell: unknown, errors: CheckInFieldError[]): string {
  if (typeof cell !== 'string' || cell.trim() === '') {
    errors.push(
      fieldError(
        'keyResultId',
        `Key result is ${describeValue(cell)}. Choose the key result to check in on.`,
      ),
    );
    return '';
  }
  if (cell.length > MAX_ID_LENGTH) {
    errors.push(
      fieldError(
        'keyResultId',
        `Key result ID is ${cell.length} characters long; IDs have at most ${MAX_ID_LENGTH}. Choose a key result from the list.`,
      ),
    );
    return '';
  }
  return cell.trim();
}

function readValue(cell: unknown, errors: CheckInFieldError[]): number | boolean | null {
  if (cell === null || typeof cell === 'boolean') return cell;
  if (typeof cell === 'number' && Number.isFinite(cell) && Math.abs(cell) <= MAX_MAGNITUDE)
    return cell;
  const what =
    typeof cell === 'number' ? `${cell}, too large to be a measurement` : describeValue(cell);
  errors.push(
    fieldError(
      'value',
      `Value is ${what}. Enter a number such as 42, or yes/no for a binary key result.`,
    ),
  );
  return null;
}

function readConfidence(cell: unknown, errors: CheckInFieldError[]): number {
  const valid =
    typeof cell === 'number' &&
    Number.isInteger(cell) &&
    cell >= MIN_CONFIDENCE &&
    cell <= MAX_CONFIDENCE;
  if (valid) return cell;
  const what = typeof cell === 'number' ? String(cell) : describeValue(cell);
  errors.push(
    fieldError(
      'confidence',
      `Confidence is ${what}. Choose a whole number from ${MIN_CONFIDENCE} (no chance) to ${MAX_CONFIDENCE} (certain).`,
    ),
  );
  return 0;
}

function readComment(
  field: (typeof COMMENT_FIELDS)[number],
  cell: unknown,
  errors: CheckInFieldError[],
): string {
  const label = COMMENT_LABELS[field];
  if (typeof cell !== 'string') {
    errors.push(
      fieldError(field, `${label} is ${describeValue(cell)}. Send text (it may be empty).`),
    );
    return '';
  }
  if (cell.length > MAX_COMMENT_LENGTH) {
    errors.push(
      fieldError(
        field,
        `${label} is ${cell.length.toLocaleString('en-US')} characters long; a check-in takes at most ${MAX_COMMENT_LENGTH.toLocaleString('en-US')}. Shorten it or link to a document.`,
      ),
    );
    return '';
  }
  return cell;
}

function readMilestoneChecks(cell: unknown, errors: CheckInFieldError[]): MilestoneCheck[] | null {
  if (cell === null) return null;
  if (!Array.isArray(cell) || cell.length > MAX_MILESTONES) {
    const what = Array.isArray(cell) ? `a list of ${cell.length}` : describeValue(cell);
    errors.push(
      fieldError(
        'milestones',
        `Milestones is ${what}. Send null, or up to ${MAX_MILESTONES} ticked or unticked milestones.`,
      ),
    );
    return null;
  }
  const checks: MilestoneCheck[] = [];
  for (const [index, item] of cell.entries()) {
    const valid =
      isPlainObject(item) &&
      Object.keys(item).every((key) => key === 'row' || key === 'milestone' || key === 'done') &&
      typeof item.row === 'number' &&
      Number.isInteger(item.row) &&
      item.row >= 2 &&
      typeof item.milestone === 'string' &&
      item.milestone.length <= MAX_COMMENT_LENGTH &&
      typeof item.done === 'boolean';
    if (!valid) {
      errors.push(
        fieldError(
          'milestones',
          `Milestone ${index + 1} is not a { row, milestone, done } entry. Reload the sidebar and tick the milestones again.`,
        ),
      );
      return null;
    }
    checks.push({
      row: item.row as number,
      milestone: item.milestone as string,
      done: item.done as boolean,
    });
  }
  return checks;
}

/** The input a KR type needs; a blank Type measures a number like increase/decrease. */
export function inputKindFor(type: KeyResultType | null): CheckInInputKind {
  if (type === 'percentage') return 'percentage';
  if (type === 'binary') return 'binary';
  if (type === 'milestone') return 'milestones';
  return 'number';
}

/** What a check-in writes once it fits its KR: the measured value and any milestone changes. */
export interface CheckInWrite {
  value: number | boolean;
  milestoneUpdates: MilestoneUpdate[];
}

export interface MilestoneUpdate {
  row: number;
  done: boolean;
  /** The day it was ticked; null when unticked. */
  doneDate: Date | null;
}

/**
 * Checks that the value fits the KR's type. Milestone KRs with a checklist get their value from
 * the ticked milestones (see `milestoneCurrent`); without one they take the number done.
 */
export function checkValueForKeyResult(
  payload: CheckInPayload,
  keyResult: KeyResult,
  milestones: readonly Milestone[],
  now: Date,
): Checked<CheckInWrite> {
  const kind = inputKindFor(keyResult.type);
  const fail = (field: CheckInField, message: string): Checked<CheckInWrite> => ({
    ok: false,
    errors: [fieldError(field, message)],
  });
  if (kind === 'milestones' && milestones.length > 0) {
    return checkMilestones(payload.milestones, keyResult, milestones, now);
  }
  if (payload.milestones !== null && payload.milestones.length > 0) {
    return fail(
      'milestones',
      `"${keyResult.title}" has no milestone checklist. Enter its value instead.`,
    );
  }
  const value = payload.value;
  if (kind === 'binary') {
    if (typeof value !== 'boolean') {
      return fail(
        'value',
        `Value is ${describeValue(value)}, but "${keyResult.title}" is a yes/no key result. Choose Yes or No.`,
      );
    }
    return { ok: true, value: { value, milestoneUpdates: [] } };
  }
  if (typeof value !== 'number') {
    return fail(
      'value',
      `Value is ${describeValue(value)}, but "${keyResult.title}" measures a number. Enter a number${keyResult.unit ? ` in ${keyResult.unit}` : ''}.`,
    );
  }
  if (kind === 'percentage' && (value < 0 || value > 1)) {
    return fail('value', `Value is ${formatPercent(value)}. Enter a percentage from 0% to 100%.`);
  }
  return { ok: true, value: { value, milestoneUpdates: [] } };
}

function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 10000) / 100}%`;
}

function checkMilestones(
  checks: MilestoneCheck[] | null,
  keyResult: KeyResult,
  milestones: readonly Milestone[],
  now: Date,
): Checked<CheckInWrite> {
  if (checks === null) {
    return {
      ok: false,
      errors: [
        fieldError(
          'milestones',
          `"${keyResult.title}" is checked in by ticking its milestones. Tick the ones that are done.`,
        ),
      ],
    };
  }
  const byRow = new Map(milestones.map((milestone) => [milestone.row, milestone]));
  const ticked = new Map<number, boolean>();
  for (const check of checks) {
    const milestone = byRow.get(check.row);
    // The row must still hold the milestone the page showed: rows may have moved since it opened.
    if (!milestone || milestone.milestone.trim() !== check.milestone.trim()) {
      return {
        ok: false,
        errors: [
          fieldError(
            'milestones',
            `Milestone "${check.milestone.slice(0, 80)}" is no longer in Milestones row ${check.row}. Close and reopen the sidebar to see the current checklist.`,
          ),
        ],
      };
    }
    ticked.set(check.row, check.done);
  }
  const after = milestones.map((milestone) => ({
    ...milestone,
    done: ticked.get(milestone.row) ?? milestone.done,
  }));
  const milestoneUpdates = after
    .filter((milestone) => milestone.done !== byRow.get(milestone.row)!.done)
    .map((milestone) => ({
      row: milestone.row,
      done: milestone.done,
      doneDate: milestone.done ? now : null,
    }));
  return { ok: true, value: { value: milestoneCurrent(keyResult, after), milestoneUpdates } };
}

/** Blank weight counts as 1; negative weights are typing mistakes and count as 0. */
function milestoneWeight(milestone: Milestone): number {
  return milestone.weight === null ? 1 : Math.max(0, milestone.weight);
}

/** Done weight / total weight of a checklist, or null for a checklist that weighs nothing. */
export function milestoneProgress(milestones: readonly Milestone[]): number | null {
  const total = milestones.reduce((sum, milestone) => sum + milestoneWeight(milestone), 0);
  if (total <= 0) return null;
  const done = milestones
    .filter((m) => m.done)
    .reduce((sum, milestone) => sum + milestoneWeight(milestone), 0);
  return done / total;
}

/**
 * The Current a milestone KR stores: the done share placed on the KR's Start → Target scale, so
 * OKRPROGRESS in the sheet gives the same done weight / total weight. Without a Target, the done
 * weight itself (then Target should be the total weight).
 */
export function milestoneCurrent(keyResult: KeyResult, milestones: readonly Milestone[]): number {
  const share = milestoneProgress(milestones) ?? 0;
  if (keyResult.target === null) {
    return milestones
      .filter((m) => m.done)
      .reduce((sum, milestone) => sum + milestoneWeight(milestone), 0);
  }
  const start = keyResult.start ?? 0;
  // Rounded so a third of 3 milestones stores 1, not 0.9999999999999999.
  return Math.round((start + (keyResult.target - start) * share) * 1e9) / 1e9;
}

/** The Check-ins row and KR fields a valid check-in writes. */
export function checkInRecord(
  payload: CheckInPayload,
  keyResult: KeyResult,
  value: number | boolean,
  author: string,
  now: Date,
): Record<string, unknown> {
  return {
    timestamp: now,
    keyResultId: keyResult.id,
    value,
    confidence: payload.confidence,
    progress: payload.progress,
    plans: payload.plans,
    problems: payload.problems,
    learnings: payload.learnings,
    author,
  };
}

export function keyResultUpdate(
  value: MeasuredValue,
  confidence: number,
  now: Date,
): Record<string, unknown> {
  return { current: value, confidence, lastCheckIn: now };
}
