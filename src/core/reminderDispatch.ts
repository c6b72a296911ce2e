/**
 * Sends the emails a run has claimed, one by one, and records each result over its claim in the
 * Reminder Log: an email's row says "sending" before MailApp is called and gets the result right
 * after, so a run that stops at any point leaves rows that tell what may have gone out (see
 * docs/reminders.md, "Exactly once"). Pure: sending and writing the log are passed in.
 */
import { OUTCOME, type ClaimMarks, type LogDraft, type ReminderKind } from './reminders';

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

export interface DispatchIo {
  /** False once the run is close to the 6-minute limit. */
  hasTimeLeft: () => boolean;
  send: (message: EmailMessage) => void;
  /**
   * Writes `outcomes` over the rows of the claims from `index` on, whose cells must still read
   * `previous`; throws when they do not or the write fails.
   */
  record: (index: number, previous: readonly string[], outcomes: readonly string[]) => void;
  /** Logs final outcomes as new rows, when `record` could not write over the claims. */
  append: (drafts: readonly LogDraft[]) => void;
}

/** MailApp's message when the day's quota is used up. https://developers.google.com/apps-script/guides/services/quotas */
const QUOTA_MESSAGE = /too many times for one day: email/i;

/**
 * Sends the claimed emails in order and returns the final outcome of each. An email is sent only
 * after its row reads "sending": if that write fails, nothing more is sent, and the results so far
 * and "deferred: run stopped" for the rest are appended instead.
 */
export function sendClaimedEmails(
  emails: readonly OutgoingEmail[],
  marks: ClaimMarks,
  io: DispatchIo,
): LogDraft[] {
  const outcomes = emails.map(() => marks.queued);
  const drafts = (): LogDraft[] =>
    emails.map((email, index) => ({
      kind: email.kind,
      recipient: email.recipient,
      keyResultIds: email.keyResultIds,
      outcome: outcomes[index]!,
    }));
  /** Writes `next` from `index`; on failure logs the truth as new rows and says to stop. */
  const write = (index: number, next: string[]): boolean => {
    try {
      io.record(index, outcomes.slice(index, index + next.length), next);
    } catch {
      const result = next[0] === marks.sending ? OUTCOME.deferredRunStopped : next[0]!;
      outcomes.fill(OUTCOME.deferredRunStopped, index);
      outcomes[index] = result;
      io.append(drafts().slice(index));
      return false;
    }
    next.forEach((outcome, offset) => (outcomes[index + offset] = outcome));
    return true;
  };
  const rest = (from: number, outcome: string): string[] =>
    new Array<string>(emails.length - from).fill(outcome);

  if (emails.length === 0) return [];
  if (!io.hasTimeLeft()) {
    write(0, rest(0, OUTCOME.deferredTime));
    return drafts();
  }
  if (!write(0, [marks.sending])) return drafts();
  for (let index = 0; index < emails.length; index++) {
    const result = attempt(emails[index]!, io.send);
    const next = index + 1;
    if (next === emails.length) write(index, [result]);
    else if (result === OUTCOME.deferredQuota)
      write(index, [result, ...rest(next, OUTCOME.deferredQuota)]);
    else if (!io.hasTimeLeft()) write(index, [result, ...rest(next, OUTCOME.deferredTime)]);
    else if (write(index, [result, marks.sending])) continue;
    break;
  }
  return drafts();
}

function attempt(email: OutgoingEmail, send: (message: EmailMessage) => void): string {
  try {
    send(email.message);
    return OUTCOME.sent;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (QUOTA_MESSAGE.test(message)) return OUTCOME.deferredQuota;
    return `${OUTCOME.failedPrefix}${oneLine(message)}`;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
