/**
 * The Preview reminders dialog: lists, a page at a time, who would get an email and who would
 * only be logged, and shows the selected email exactly as it would be sent, fetched when selected,
 * in a sandboxed frame (no scripts run). Everything from the sheets goes in through textContent;
 * the email HTML was escaped server-side.
 */
import type {
  ReminderPreview,
  ReminderPreviewEmail,
  ReminderPreviewLogRow,
  ReminderPreviewRecipient,
} from '../src/shared/reminders';
import { byId, element, replaceChildren, show } from './dom';
import { closePage, runServer } from './run';

const STATUS_CHIPS: Record<string, string> = {
  Done: 'okr-chip--done',
  'On track': 'okr-chip--on-track',
  'At risk': 'okr-chip--at-risk',
  'Off track': 'okr-chip--off-track',
};

let currentPage = 0;

function load(page = currentPage): void {
  const app = byId('app');
  app.setAttribute('aria-busy', 'true');
  show(byId('loading'), true);
  show(byId('load-error'), false);
  show(byId('content'), false);
  runServer<ReminderPreview>('getReminderPreview', { page })
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
  currentPage = preview.page;
  const reminders = preview.reminderCount;
  const digests = preview.digestCount;
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
  if (preview.problemCount > preview.problems.length) {
    problems.append(
      element('li', { text: `…and ${preview.problemCount - preview.problems.length} more.` }),
    );
  }
  show(problems, preview.problemCount > 0);

  const emailItems = preview.emails.map((email, index) => recipientItem(email, index));
  replaceChildren(byId('emails'), emailItems);
  show(byId('no-emails'), reminders + digests === 0);
  replaceChildren(byId('log-only'), preview.logOnly.map(logItem));
  show(byId('no-log'), preview.logOnlyCount === 0);
  const sent = [
    ...preview.alreadySent,
    ...preview.inProgress.map((recipient) => `${recipient} (being sent right now)`),
  ];
  replaceChildren(
    byId('already-sent'),
    sent.map((recipient) => element('li', { text: recipient })),
  );
  show(byId('none-sent'), preview.alreadySentCount + preview.inProgressCount === 0);
  renderPager(preview);

  show(byId('content'), true);
  const first = preview.emails[0];
  if (first) selectEmail(first, emailItems[0]!);
  else showEmail(null, null);
}

/** "Page 2 of 7" with Previous and Next, shown only when the lists are longer than a page. */
function renderPager(preview: ReminderPreview): void {
  show(byId('pager'), preview.pageCount > 1);
  byId('page-label').textContent = `Page ${preview.page + 1} of ${preview.pageCount}`;
  byId<HTMLButtonElement>('previous-page').disabled = preview.page === 0;
  byId<HTMLButtonElement>('next-page').disabled = preview.page + 1 >= preview.pageCount;
}

function recipientItem(email: ReminderPreviewRecipient, index: number): HTMLLIElement {
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
        text: email.kind === 'digest' ? 'Digest' : plural(email.keyResultCount, 'key result'),
      }),
      element('span', { className: 'recipient__chips' }, statuses),
    ],
  );
  const item = element('li', {}, [button]);
  button.addEventListener('click', () => selectEmail(email, item));
  return item;
}

/** Fetches the selected recipient's email; the list carries only its subject and a few KRs. */
function selectEmail(email: ReminderPreviewRecipient, item: HTMLLIElement): void {
  markSelected(item);
  byId('email-to').textContent = `To: ${email.to}`;
  byId('email-subject').textContent = `${email.subject} (loading…)`;
  runServer<ReminderPreviewEmail | null>('getReminderPreviewEmail', {
    kind: email.kind,
    to: email.to,
  })
    .then((full) => showEmail(full, item))
    .catch((error: unknown) => {
      byId('email-subject').textContent = error instanceof Error ? error.message : String(error);
    });
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

function markSelected(item: HTMLLIElement | null): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.recipient')) {
    button.setAttribute('aria-pressed', String(button.parentElement === item));
  }
}

function showEmail(email: ReminderPreviewEmail | null, item: HTMLLIElement | null): void {
  markSelected(item);
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

byId('retry').addEventListener('click', () => load());
byId('previous-page').addEventListener('click', () => load(currentPage - 1));
byId('next-page').addEventListener('click', () => load(currentPage + 1));
byId('close').addEventListener('click', closePage);
load();
