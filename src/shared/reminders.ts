/**
 * What the Preview reminders dialog receives: one page of who would get which email if reminders
 * were sent now (getReminderPreview), and one email's HTML when it is selected
 * (getReminderPreviewEmail). What it receives is bounded by what it shows, whatever the workbook's
 * size. Dates travel as text.
 */
import type { JsonSafe } from './json';

/** Recipients per page of each list. */
export const REMINDER_PREVIEW_PAGE_SIZE = 25;
/** Key results shown per recipient in the list (the email itself lists them all). */
export const REMINDER_PREVIEW_CHIPS = 6;
/** Sheet problems listed; the rest are counted. */
export const REMINDER_PREVIEW_PROBLEMS = 20;
/** Most JSON bytes one page of the preview may carry, whatever the workbook's size. */
export const REMINDER_PREVIEW_BUDGET = 100_000;
/** Most JSON bytes one previewed reminder may carry for an owner of 50 key results (its whole HTML). */
export const REMINDER_EMAIL_BUDGET = 100_000;

export type ReminderPreviewKeyResult = JsonSafe<{
  id: string;
  title: string;
  /** "40%", or "–" when the KR cannot be scored. */
  progress: string;
  planned: string;
  status: string;
  /** "Mon 16 Nov 2026", or "never". */
  lastCheckIn: string;
}>;

export type ReminderPreviewRecipient = JsonSafe<{
  kind: 'reminder' | 'digest';
  to: string;
  subject: string;
  /** The first REMINDER_PREVIEW_CHIPS key results the email lists. */
  keyResults: ReminderPreviewKeyResult[];
  /** How many key results the email lists in all. */
  keyResultCount: number;
}>;

/** One email as it would be sent. */
export type ReminderPreviewEmail = JsonSafe<{
  kind: 'reminder' | 'digest';
  to: string;
  subject: string;
  /** The email's HTML exactly as it would be sent (cell values already escaped). */
  html: string;
}>;

export type ReminderPreviewLogRow = JsonSafe<{
  kind: 'reminder' | 'digest';
  recipient: string;
  keyResultIds: string[];
  outcome: string;
}>;

/** getReminderPreview's payload: the page to show (0-based). */
export type ReminderPreviewRequest = JsonSafe<{ page: number }>;

/** getReminderPreviewEmail's payload: the email to show. */
export type ReminderPreviewEmailRequest = JsonSafe<{ kind: 'reminder' | 'digest'; to: string }>;

export type ReminderPreview = JsonSafe<{
  /** "Mon 23 Nov 2026", the first day of the current check-in period. */
  periodStart: string;
  /** Why nothing would be sent at all, or null. */
  inactiveReason: string | null;
  /** Whether this person's daily reminder trigger is installed in this spreadsheet, in words. */
  schedule: string;
  /** The page shown (0-based) and how many there are; each list below is that page of its list. */
  page: number;
  pageCount: number;
  reminderCount: number;
  digestCount: number;
  emails: ReminderPreviewRecipient[];
  /** Owners who would be logged without an email (up to date, invalid address). */
  logOnly: ReminderPreviewLogRow[];
  logOnlyCount: number;
  /** Recipients already reminded this period. */
  alreadySent: string[];
  alreadySentCount: number;
  /** Recipients another run is emailing right now. */
  inProgress: string[];
  inProgressCount: number;
  /** Emails the account may still send today (-1 when none would be sent). */
  remainingQuota: number;
  /** Problems in the sheets that change who gets what, as sentences (the first few). */
  problems: string[];
  problemCount: number;
}>;
