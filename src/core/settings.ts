/**
 * Workbook settings as the engine uses them. The Settings sheet stores them as Setting / Value
 * rows under the labels below; blank or missing values fall back to the defaults.
 */

export type Weekday =
  'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

/** The weekdays Sunday first, so `WEEKDAYS[date.getDay()]` names a date's day. */
export const WEEKDAYS: readonly Weekday[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

export interface OkrSettings {
  cycleName: string;
  cycleStart: Date | null;
  cycleEnd: Date | null;
  /** Kept at today's date by the daily trigger; formulas read it through OKR_REPORT_DATE. */
  reportDate: Date | null;
  checkInDay: Weekday;
  /** Days between check-ins: 7 (weekly) or 14 (fortnightly). */
  checkInPeriodDays: number;
  /** Hour of day (0–23, in the spreadsheet's time zone) the reminder trigger runs. */
  reminderHour: number;
  /** Gap below plan (as a fraction) at which a KR becomes "At risk". */
  atRiskGap: number;
  /** Gap below plan (as a fraction) at which a KR becomes "Off track". */
  offTrackGap: number;
  minObjectives: number;
  maxObjectives: number;
  minKeyResultsPerObjective: number;
  maxKeyResultsPerObjective: number;
  /** Emails that receive the weekly digest of at-risk KRs and missed check-ins. */
  digestRecipients: string[];
  /** Length of a cycle in months, used to open the next cycle. */
  cycleLengthMonths: number;
  cycleClosed: boolean;
}

/** The label each setting has in column A of the Settings sheet. */
export const SETTING_LABELS: Record<keyof OkrSettings, string> = {
  cycleName: 'Cycle Name',
  cycleStart: 'Cycle Start',
  cycleEnd: 'Cycle End',
  reportDate: 'Report Date',
  checkInDay: 'Check-in Day',
  checkInPeriodDays: 'Check-in Period (days)',
  reminderHour: 'Reminder Hour',
  atRiskGap: 'At Risk Gap',
  offTrackGap: 'Off Track Gap',
  minObjectives: 'Min Objectives',
  maxObjectives: 'Max Objectives',
  minKeyResultsPerObjective: 'Min KRs per Objective',
  maxKeyResultsPerObjective: 'Max KRs per Objective',
  digestRecipients: 'Digest Recipients',
  cycleLengthMonths: 'Cycle Length (months)',
  cycleClosed: 'Cycle Closed',
};
