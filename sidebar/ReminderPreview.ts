/**
 * The Preview reminders dialog: lists who would get an email and who would only be logged, and
 * shows the selected email exactly as it would be sent, in a sandboxed frame (no scripts run).
 * Everything from the sheets goes in through textContent; the email HTML was escaped server-side.
 */
import type {
  ReminderPreview,
  ReminderPreviewEmail,
  ReminderPreviewLogRow,
} from '../src/shared/reminders';
import { byId, element, replaceChildren, show } from './dom';
import { closePage, runServer } from './run';

const STATUS_CHIPS: Record<string, string> = {
  Done: 'okr-chip--done',
  'On track': 'okr-chip--on-track',
  'At risk': 'okr-chip--at-risk',
  'Off track': 'okr-chip--off-track',
};

function load(): void {
  const app = byId('app');
  app.setAttribute('aria-busy', 'true');
  show(byId('loading'), true);
  show(byId('load-error'), false);
  show(byId('content'), false);
  runServer<ReminderPreview>('getReminderPreview')
    .then(render)
    .catch((error: unknown) => {
      byId('load-error-text').textContent = error instanceof Error ? error.message : String(error);
      show(byId('load-error'), true);
    })
    .finally(() => {
      show(byId('loading'), false);
      app.setAttribute('aria-busy', 'false');
    });
}

function render(preview: ReminderPreview): void {
  const reminders = preview.emails.filter((email) => email.kind === 'reminder').length;
  const digests = preview.emails.length - reminders;
  byId('summary').textContent =
    `Check-in period from ${preview.periodStart}: ${plural(reminders, 'reminder')}` +
    (digests ? ` and ${plural(digests, 'digest')}` : '') +
    (preview.remainingQuota >= 0
      ? `. Your account can send ${preview.remainingQuota} more emails today.`
      : '.');
  byId('schedule').textContent = preview.schedule;
  const inactive = byId('inactive');
  inactive.textContent = preview.inactiveReason ?? '';
  show(inactive, preview.inactiveReason !== null);
  const problems = byId('problems');
  replaceChildren(
    problems,
    preview.problems.map((problem) => element('li', { text: problem })),
  );
  show(problems, preview.problems.length > 0);

  const emailItems = preview.emails.map((email, index) => recipientItem(email, index));
  replaceChildren(byId('emails'), emailItems);
  show(byId('no-emails'), preview.emails.length === 0);
  replaceChildren(byId('log-only'), preview.logOnly.map(logItem));
  show(byId('no-log'), preview.logOnly.length === 0);
  replaceChildren(
    byId('already-sent'),
    preview.alreadySent.map((recipient) => element('li', { text: recipient })),
  );
  show(byId('none-sent'), preview.alreadySent.length === 0);

  show(byId('content'), true);
  selectEmail(preview.emails[0] ?? null, emailItems[0] ?? null);
}

function recipientItem(email: ReminderPreviewEmail, index: number): HTMLLIElement {
  const statuses = email.keyResults.map((keyResult) =>
    element('span', {
      className: `okr-chip ${STATUS_CHIPS[keyResult.status] ?? ''}`,
      text: `${keyResult.id} · ${keyResult.progress}`,
      attributes: {
        title: `${keyResult.title} — ${keyResult.status || 'no status'}, planned ${keyResult.planned}, last check-in ${keyResult.lastCheckIn}`,
      },
    }),
  );
  const button = element(
    'button',
    {
      className: 'recipient',
      attributes: { type: 'button', 'aria-pressed': 'false', 'data-index': String(index) },
    },
    [
      element('span', { className: 'recipient__to', text: email.to }),
      element('span', {
        className: 'recipient__kind okr-muted',
        text: email.kind === 'digest' ? 'Digest' : plural(email.keyResults.length, 'key result'),
      }),
      element('span', { className: 'recipient__chips' }, statuses),
    ],
  );
  const item = element('li', {}, [button]);
  button.addEventListener('click', () => selectEmail(email, item));
  return item;
}

function logItem(row: ReminderPreviewLogRow): HTMLLIElement {
  return element('li', {}, [
    element('span', { className: 'log-list__recipient', text: row.recipient }),
    element('span', {
      className: 'okr-muted',
      text: ` — ${row.outcome}${row.keyResultIds.length ? ` (${row.keyResultIds.join(', ')})` : ''}`,
    }),
  ]);
}

function selectEmail(email: ReminderPreviewEmail | null, item: HTMLLIElement | null): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.recipient')) {
    button.setAttribute('aria-pressed', String(button.parentElement === item));
  }
  byId('email-to').textContent = email ? `To: ${email.to}` : '';
  byId('email-subject').textContent = email ? email.subject : 'No email to show';
  const frame = byId<HTMLIFrameElement>('email-frame');
  // srcdoc in a sandbox without allow-scripts: the email renders, nothing in it can run.
  frame.srcdoc = email ? email.html : '';
  show(frame, email !== null);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

byId('retry').addEventListener('click', load);
byId('close').addEventListener('click', closePage);
load();
