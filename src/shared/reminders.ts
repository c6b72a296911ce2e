/**
 * What the Preview reminders dialog receives from getReminderPreview: who would get which email
 * if reminders were sent now, and who would only be logged. Dates travel as ISO text.
 */
import type { JsonSafe } from './json';

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

export type ReminderPreviewEmail = JsonSafe<{
  kind: 'reminder' | 'digest';
  to: string;
  subject: string;
  keyResults: ReminderPreviewKeyResult[];
  /** The email's HTML exactly as it would be sent (cell values already escaped). */
  html: string;
}>;

export type ReminderPreviewLogRow = JsonSafe<{
  kind: 'reminder' | 'digest';
  recipient: string;
  keyResultIds: string[];
  outcome: string;
}>;

export type ReminderPreview = JsonSafe<{
  /** "Mon 23 Nov 2026", the first day of the current check-in period. */
  periodStart: string;
  /** Why nothing would be sent at all, or null. */
  inactiveReason: string | null;
  /** Whether this person's daily reminder trigger is installed in this spreadsheet, in words. */
  schedule: string;
  emails: ReminderPreviewEmail[];
  /** Owners who would be logged without an email (up to date, invalid address). */
  logOnly: ReminderPreviewLogRow[];
  /** Recipients already reminded this period. */
  alreadySent: string[];
  /** Emails the account may still send today. */
  remainingQuota: number;
  /** Problems in the sheets that change who gets what, as sentences. */
  problems: string[];
}>;
