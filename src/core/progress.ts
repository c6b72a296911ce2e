/**
 * Key result progress (SPEC §3 OKRPROGRESS): a fraction clamped to [0, 1], or null for a KR that
 * is never scored (baseline). Progress is a linear scale from Start to Target, so a decrease KR
 * needs no special case beyond its direction check.
 */
import { OkrInputError } from './errors';
import type { KeyResult, KeyResultType, MeasuredValue } from './types';

/** The type that actually decides the formula once a blank Type has been given a direction. */
type ScoredType = Exclude<KeyResultType, 'baseline'>;

export function clampFraction(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * Progress of one key result. `current` null means no check-in yet (progress 0); inputs the type
 * needs but does not have (a blank Target for an increase KR) throw an OkrInputError that says
 * which value is missing and how to fix it.
 */
export function keyResultProgress(
  type: KeyResultType | null,
  start: number | null,
  target: number | null,
  current: MeasuredValue,
): number | null {
  if (type === 'baseline') return null;
  requireFinite('Start', start);
  requireFinite('Target', target);
  if (typeof current === 'number') requireFinite('Current', current);
  const scoredType = type ?? directionFromValues(start, target);
  switch (scoredType) {
    case 'binary':
      return current === true || current === 1 ? 1 : 0;
    case 'percentage':
      return percentageProgress(numericCurrent(scoredType, current));
    case 'at least':
      return atLeastProgress(
        requireThreshold(scoredType, target),
        numericCurrent(scoredType, current),
      );
    case 'at most':
      return atMostProgress(
        requireThreshold(scoredType, target),
        numericCurrent(scoredType, current),
      );
    case 'milestone':
    case 'task':
      return linearProgress(
        'increase',
        start ?? 0,
        requireTarget(scoredType, target),
        numericCurrent(scoredType, current),
      );
    case 'increase':
    case 'decrease':
      return linearProgress(
        scoredType,
        requireStart(scoredType, start),
        requireTarget(scoredType, target),
        numericCurrent(scoredType, current),
      );
  }
}

/** Progress of a parsed Key Results row. */
export function progressOfKeyResult(keyResult: KeyResult): number | null {
  return keyResultProgress(keyResult.type, keyResult.start, keyResult.target, keyResult.current);
}

/** A blank Type follows the direction from Start to Target (SPEC §3: increase if target ≥ start). */
function directionFromValues(start: number | null, target: number | null): 'increase' | 'decrease' {
  const missing = start === null ? 'Start' : target === null ? 'Target' : null;
  if (missing !== null || start === null || target === null) {
    throw new OkrInputError(
      `${missing} is blank. With no Type, progress runs from Start to Target, so both are needed: ` +
        `type the ${missing === 'Start' ? 'value the key result started from, such as 0' : 'value it aims for, such as 120'}, ` +
        `or set Type (for example percentage, binary or baseline).`,
    );
  }
  return target >= start ? 'increase' : 'decrease';
}

function linearProgress(
  direction: 'increase' | 'decrease',
  start: number,
  target: number,
  current: number | null,
): number {
  if (direction === 'increase' && target < start) {
    throw new OkrInputError(
      `Target (${target}) is below Start (${start}), but the key result is meant to increase. ` +
        `Set Type to decrease, or fix Start and Target.`,
    );
  }
  if (direction === 'decrease' && target > start) {
    throw new OkrInputError(
      `Target (${target}) is above Start (${start}), but the key result is meant to decrease. ` +
        `Set Type to increase, or fix Start and Target.`,
    );
  }
  if (current === null) return 0;
  if (start === target) {
    const reached = direction === 'increase' ? current >= target : current <= target;
    return reached ? 1 : 0;
  }
  return clampFraction((current - start) / (target - start));
}

/** 0.45, 45% (which arrives as 0.45) and 45 all mean 45%: values above 1 are percent points. */
function percentageProgress(current: number | null): number {
  if (current === null) return 0;
  return clampFraction(Math.abs(current) > 1 ? current / 100 : current);
}

function atLeastProgress(target: number, current: number | null): number {
  if (current === null) return 0;
  return current >= target ? 1 : clampFraction(current / target);
}

function atMostProgress(target: number, current: number | null): number {
  if (current === null) return 0;
  return current <= target ? 1 : clampFraction((2 * target - current) / target);
}

function numericCurrent(type: ScoredType, current: MeasuredValue): number | null {
  if (typeof current === 'boolean') {
    throw new OkrInputError(
      `Current is ${current ? 'TRUE' : 'FALSE'}, but ${aKeyResult(type)} measures a number. ` +
        `Type a number, or set Type to binary for a yes-or-no key result.`,
    );
  }
  return current;
}

function requireStart(type: ScoredType, start: number | null): number {
  if (start === null) {
    throw new OkrInputError(
      `Start is blank: ${aKeyResult(type)} needs the value it started from. Type the baseline value, such as 0.`,
    );
  }
  return start;
}

function requireTarget(type: ScoredType, target: number | null): number {
  if (target === null) {
    const example =
      type === 'milestone' || type === 'task'
        ? `the number of ${type}s to finish, such as 5`
        : 'the value it aims for, such as 120';
    throw new OkrInputError(
      `Target is blank: ${aKeyResult(type)} needs a target. Type ${example}.`,
    );
  }
  return target;
}

/** At least / at most compare against a threshold, and their formulas divide by it. */
function requireThreshold(type: 'at least' | 'at most', target: number | null): number {
  if (target === null || target <= 0) {
    const what = target === null ? 'Target is blank' : `Target is ${target}`;
    throw new OkrInputError(
      `${what}: ${aKeyResult(type)} needs a threshold above 0. Type the level to stay ${type === 'at least' ? 'at or above' : 'at or below'}, such as 95.`,
    );
  }
  return target;
}

function requireFinite(name: string, value: number | null): void {
  if (value !== null && !Number.isFinite(value)) {
    throw new OkrInputError(`${name} is not a finite number. Type a number such as 120.`);
  }
}

/** "an increase key result", "a milestone key result". */
function aKeyResult(type: ScoredType): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} key result`;
}
