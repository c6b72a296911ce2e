/**
 * Locale-aware display of check-in values, fractions and dates (Intl, in the viewer's locale).
 */
import { joinUnit, paceSentence } from '../src/core/paceSentence';
import type { ForecastOutlook, KeyResultListItem, KeyResultSummary } from '../src/shared/checkIn';

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 0,
});
// Dates arrive as the spreadsheet's wall clock in ISO text's UTC fields (src/core/wallClock.ts).
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'UTC' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const paceFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

const MS_PER_DAY = 86_400_000;

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatFraction(fraction: number): string {
  return percentFormat.format(fraction);
}

/** A number with the KR's unit: "%" and currency-like symbols sit close, words get a space. */
export function withUnit(value: number, unit: string): string {
  return joinUnit(formatNumber(value), unit);
}

/** A measured value as the KR's type reads it; blank shows as an em dash. */
export function formatMeasured(
  keyResult: KeyResultListItem,
  value: number | boolean | null,
): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (keyResult.inputKind === 'binary') return value === 1 ? 'Yes' : 'No';
  if (keyResult.inputKind === 'percentage')
    return formatFraction(Math.abs(value) > 1 ? value / 100 : value);
  return withUnit(value, keyResult.unit);
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** The time of day a wall-clock ISO text shows. */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/**
 * "today", "yesterday", "3 days ago": from the day of `iso` to the day of `now`, both the
 * spreadsheet's wall clock (the viewer's own clock may be a day apart from the spreadsheet's).
 */
export function formatDaysAgo(iso: string, now: Date): string {
  const dayOf = (date: Date) => Math.floor(date.getTime() / MS_PER_DAY);
  return relativeFormat.format(dayOf(new Date(iso)) - dayOf(now), 'day');
}

/** "0 → 100 teams", or what the type measures when it has no range. */
export function describeRange(keyResult: KeyResultListItem): string {
  switch (keyResult.inputKind) {
    case 'binary':
      return 'Done or not done';
    case 'percentage':
      return keyResult.target === null
        ? 'Percentage'
        : `${formatMeasured(keyResult, keyResult.start ?? 0)} → ${formatMeasured(keyResult, keyResult.target)}`;
    case 'milestones': {
      // The list has no checklist; the form's key result has.
      if (!('milestones' in keyResult)) return 'Milestones';
      const milestones = (keyResult as KeyResultSummary).milestones;
      const done = milestones.filter((milestone) => milestone.done).length;
      return `${done} of ${milestones.length} milestones done`;
    }
    case 'number':
      if (keyResult.type === 'baseline')
        return `Baseline: measuring${keyResult.unit ? ` ${keyResult.unit}` : ''}, no target`;
      if (keyResult.target === null)
        return keyResult.unit ? `Measured in ${keyResult.unit}` : 'No target set';
      if (keyResult.type === 'at least')
        return `At least ${withUnit(keyResult.target, keyResult.unit)}`;
      if (keyResult.type === 'at most')
        return `At most ${withUnit(keyResult.target, keyResult.unit)}`;
      return `${formatNumber(keyResult.start ?? 0)} → ${withUnit(keyResult.target, keyResult.unit)}`;
  }
}

/** "At this pace: 58% by 31 Mar · needs +4.7 a week to reach 100", in the viewer's locale. */
export function describeForecast(keyResult: KeyResultListItem, forecast: ForecastOutlook): string {
  return paceSentence(forecast, {
    percent: formatFraction,
    decimal: (value) => paceFormat.format(value),
    amount: (value) => withUnit(value, keyResult.unit),
    dueDate: shortDateFormat.format(new Date(forecast.dueDate)),
  });
}
