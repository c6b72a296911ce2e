/**
 * MailApp: messages go to an outbox; each recipient uses one unit of a settable daily quota.
 * https://developers.google.com/apps-script/reference/mail/mail-app
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';

type MailApp = GoogleAppsScript.Mail.MailApp;

export interface SentEmail {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  /** The effective user the message was sent as. */
  from: string;
  /** Emulated time of sending, epoch ms. */
  at: number;
}

export interface MailState {
  outbox: SentEmail[];
  /** Recipients left today; 100 is the consumer-account limit.
   * https://developers.google.com/apps-script/guides/services/quotas */
  remainingDailyQuota: number;
}

/** The message Apps Script throws when the daily email quota is used up. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

export class FakeMailApp implements Pick<MailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  constructor(
    readonly env: EmulatorEnv,
    readonly state: MailState,
  ) {}

  /** https://developers.google.com/apps-script/reference/mail/mail-app#getremainingdailyquota */
  getRemainingDailyQuota(): number {
    return this.state.remainingDailyQuota;
  }

  /**
   * sendEmail(message), sendEmail(recipient, subject, body[, options]),
   * sendEmail(to, replyTo, subject, body). Recipients (to, cc, bcc, comma-separated) each use one
   * unit of quota; with too little left nothing is sent and it throws.
   * https://developers.google.com/apps-script/reference/mail/mail-app#sendemailmessage
   */
  sendEmail(...args: unknown[]): void {
    const message = this.message(args);
    if (!message.to.trim()) this.env.fail('Exception: Failed to send email: no recipient');
    const recipients = [message.to, message.cc, message.bcc]
      .join(',')
      .split(',')
      .filter((address) => address.trim() !== '');
    if (recipients.length > this.state.remainingDailyQuota)
      this.env.fail(`Exception: ${MAIL_QUOTA_MESSAGE}`);
    for (const address of recipients) {
      if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address.trim()))
        this.env.fail(`Exception: Invalid email: ${address.trim()}`);
    }
    this.state.remainingDailyQuota -= recipients.length;
    this.state.outbox.push(message);
  }

  private message(args: unknown[]): SentEmail {
    const base = {
      cc: '',
      bcc: '',
      replyTo: '',
      htmlBody: '',
      name: '',
      from: this.env.effectiveUser,
      at: this.env.clock.now(),
    };
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      const m = args[0] as Record<string, unknown>;
      return {
        ...base,
        to: text(m.to),
        cc: text(m.cc),
        bcc: text(m.bcc),
        replyTo: text(m.replyTo),
        subject: text(m.subject),
        body: text(m.body),
        htmlBody: text(m.htmlBody),
        name: text(m.name),
      };
    }
    if (args.length === 4 && typeof args[3] === 'string') {
      return {
        ...base,
        to: text(args[0]),
        replyTo: text(args[1]),
        subject: text(args[2]),
        body: text(args[3]),
      };
    }
    const options = (args[3] ?? {}) as Record<string, unknown>;
    return {
      ...base,
      to: text(args[0]),
      subject: text(args[1]),
      body: text(args[2]),
      cc: text(options.cc),
      bcc: text(options.bcc),
      replyTo: text(options.replyTo),
      htmlBody: text(options.htmlBody),
      name: text(options.name),
    };
  }
}
countCalls(FakeMailApp, 'MailApp');

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
