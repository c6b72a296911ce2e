/**
 * Sends planned emails one by one within the day's mail quota and the run's time budget, and
 * says what happened to each, so the caller can log every send, deferral and failure. Pure: the
 * sending itself is passed in.
 */
import { OUTCOME, type LogDraft, type ReminderKind } from './reminders';

export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain-text part, for mail clients that do not show HTML. */
  body: string;
  htmlBody: string;
}

export interface OutgoingEmail {
  kind: ReminderKind;
  recipient: string;
  keyResultIds: string[];
  message: EmailMessage;
}

export interface DispatchLimits {
  /** Emails the account may still send today (MailApp.getRemainingDailyQuota()). */
  quota: number;
  /** False once the run is close to the 6-minute limit. */
  hasTimeLeft: () => boolean;
}

export function dispatchEmails(
  emails: readonly OutgoingEmail[],
  limits: DispatchLimits,
  send: (message: EmailMessage) => void,
): LogDraft[] {
  let quota = Math.max(0, Math.floor(limits.quota));
  return emails.map((email) => {
    const outcome = (text: string): LogDraft => ({
      kind: email.kind,
      recipient: email.recipient,
      keyResultIds: email.keyResultIds,
      outcome: text,
    });
    if (!limits.hasTimeLeft()) return outcome(OUTCOME.deferredTime);
    if (quota <= 0) return outcome(OUTCOME.deferredQuota);
    try {
      send(email.message);
      quota--;
      return outcome(OUTCOME.sent);
    } catch (error) {
      return outcome(
        `${OUTCOME.failedPrefix}${oneLine(error instanceof Error ? error.message : String(error))}`,
      );
    }
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
