/**
 * The reminder and digest emails: an HTML part with inline styles and table layout (mail clients
 * drop <style> blocks and most CSS layout) and a plain-text part. Every value that comes from a
 * cell is escaped, so a KR named <script> shows as text.
 */
import { zonedTime } from './checkInPeriod';
import type { EmailMessage } from './reminderDispatch';
import type { DigestMessage, KeyResultLine, OwnerReminder } from './reminders';
import { escapeHtml } from './html';
import { joinUnit, paceSentence } from './paceSentence';
import { WEEKDAYS } from './settings';
import type { KeyResultStatus } from './types';

export interface EmailContext {
  spreadsheetName: string;
  spreadsheetUrl: string;
  cycleName: string;
  /** First instant of the current check-in period. */
  periodStart: Date;
  timeZone: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const COLOURS = {
  text: '#202124',
  muted: '#5f6368',
  border: '#dadce0',
  page: '#f1f3f4',
  card: '#ffffff',
  accent: '#1a73e8',
  track: '#e8eaed',
  planned: '#202124',
};

const STATUS_BARS: Record<Exclude<KeyResultStatus, ''>, string> = {
  Done: '#188038',
  'On track': '#188038',
  'At risk': '#f9ab00',
  'Off track': '#d93025',
};

const STATUS_COLOURS: Record<KeyResultStatus, { text: string; background: string }> = {
  Done: { text: '#137333', background: '#e6f4ea' },
  'On track': { text: '#137333', background: '#e6f4ea' },
  'At risk': { text: '#945400', background: '#fef7e0' },
  'Off track': { text: '#c5221f', background: '#fce8e6' },
  '': { text: '#5f6368', background: '#f1f3f4' },
};

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

/** "Mon 23 Nov 2026" for the calendar day `date` falls on in the spreadsheet's zone. */
export function formatDay(date: Date, timeZone: string): string {
  const utc = dayOf(date, timeZone);
  return `${WEEKDAYS[utc.getUTCDay()]!.slice(0, 3)} ${utc.getUTCDate()} ${MONTHS[utc.getUTCMonth()]} ${utc.getUTCFullYear()}`;
}

/** "31 Mar 2026": a due date, short enough for the forecast sentence. */
function formatShortDay(date: Date, timeZone: string): string {
  const utc = dayOf(date, timeZone);
  return `${utc.getUTCDate()} ${MONTHS[utc.getUTCMonth()]} ${utc.getUTCFullYear()}`;
}

function dayOf(date: Date, timeZone: string): Date {
  return new Date(zonedTime(date, timeZone).day * 86_400_000);
}

/** A number as the emails write it: at most two decimals, thousands grouped. */
function formatAmount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * "At this pace: 58% by 31 Mar 2026 · needs +4.7 a week to reach 100 points", or null when the
 * key result has no forecast (binary, baseline, or values missing).
 */
export function forecastText(line: KeyResultLine, timeZone: string): string | null {
  if (line.forecast === null) return null;
  return paceSentence(line.forecast, {
    percent: formatPercent,
    decimal: (value) =>
      value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    amount: (value) => joinUnit(formatAmount(value), line.unit),
    dueDate: formatShortDay(line.forecast.dueDate, timeZone),
  });
}

export function formatPercent(fraction: number | null): string {
  return fraction === null ? '–' : `${Math.round(fraction * 100)}%`;
}

/** Mail subjects are one line of plain text. */
function subjectText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Only web links become hrefs, so a strange URL can never run script in a mail client. */
function safeUrl(url: string): string {
  return /^https:\/\//i.test(url.trim()) ? url.trim() : '';
}

export function reminderEmail(reminder: OwnerReminder, context: EmailContext): EmailMessage {
  const count = reminder.keyResults.length;
  const noun = count === 1 ? 'key result' : 'key results';
  const since = formatDay(context.periodStart, context.timeZone);
  const cycle = context.cycleName.trim();
  const intro = `The check-in period started on ${since}${cycle ? ` (${cycle})` : ''}. You have not checked in on ${count === 1 ? 'this' : 'these'} ${count} ${noun} yet:`;
  const subject = subjectText(`Check-in due: ${count} ${noun} in ${context.spreadsheetName}`);
  const cards = reminder.keyResults.map((line) => keyResultCard(line, context.timeZone)).join('');
  const htmlBody = layout({
    heading: 'Time for your OKR check-in',
    intro: escapeHtml(intro),
    content: cards + legend(),
    buttonLabel: 'Open the OKR sheet to check in',
    context,
    footer: `You get this because you own key results in ${escapeHtml(context.spreadsheetName)}. Open the sheet and use Extensions → OKR Cadence → Check in… to record progress, confidence and notes.`,
  });
  const body = [
    'Time for your OKR check-in',
    '',
    intro,
    '',
    ...reminder.keyResults.map((line) => keyResultText(line, context.timeZone)),
    `Open the OKR sheet to check in: ${safeUrl(context.spreadsheetUrl) || context.spreadsheetName}`,
    '',
    `You get this because you own key results in ${context.spreadsheetName}.`,
  ].join('\n');
  return { to: reminder.recipient, subject, body, htmlBody };
}

export function digestEmail(digest: DigestMessage, context: EmailContext): EmailMessage {
  const { atRisk, missed, missedPeriod } = digest.content;
  const since = formatDay(context.periodStart, context.timeZone);
  const subject = subjectText(
    `OKR digest for ${context.spreadsheetName}: ${atRisk.length} at risk or off track, ${missed.length} missed check-in${missed.length === 1 ? '' : 's'}`,
  );
  const intro = `Where the ${context.cycleName.trim() ? `${context.cycleName.trim()} ` : ''}key results stand on ${since}.`;
  const riskSection = atRisk.length
    ? atRisk.map((line) => keyResultCard(line, context.timeZone, true)).join('')
    : paragraph('No key result is at risk or off track.');
  const missedSection = missed.length
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">${missed
        .map(
          (entry) =>
            `<tr><td style="${FONT}font-size:14px;color:${COLOURS.text};padding:6px 0;border-bottom:1px solid ${COLOURS.border};">${escapeHtml(entry.owner)}</td><td style="${FONT}font-size:14px;color:${COLOURS.muted};padding:6px 0;border-bottom:1px solid ${COLOURS.border};text-align:right;">${escapeHtml(entry.keyResultIds.join(', '))}</td></tr>`,
        )
        .join('')}</table>`
    : paragraph('Everyone checked in.');
  const htmlBody = layout({
    heading: 'Weekly OKR digest',
    intro: escapeHtml(intro),
    content:
      sectionTitle('At risk and off track') +
      riskSection +
      legend() +
      sectionTitle(`Missed check-ins in the period from ${escapeHtml(missedPeriod)}`) +
      missedSection,
    buttonLabel: 'Open the OKR sheet',
    context,
    footer: `You get this digest because your address is in the Digest Recipients setting of ${escapeHtml(context.spreadsheetName)}.`,
  });
  const body = [
    'Weekly OKR digest',
    '',
    intro,
    '',
    'At risk and off track:',
    ...(atRisk.length
      ? atRisk.map((line) => keyResultText(line, context.timeZone, true))
      : ['  none', '']),
    `Missed check-ins in the period from ${missedPeriod}:`,
    ...(missed.length
      ? missed.map((entry) => `  ${entry.owner}: ${entry.keyResultIds.join(', ')}`)
      : ['  none']),
    '',
    `Open the OKR sheet: ${safeUrl(context.spreadsheetUrl) || context.spreadsheetName}`,
  ].join('\n');
  return { to: digest.recipient, subject, body, htmlBody };
}

function keyResultText(line: KeyResultLine, timeZone: string, withOwner = false): string {
  const last = line.lastCheckIn ? formatDay(line.lastCheckIn, timeZone) : 'never';
  const forecast = forecastText(line, timeZone);
  return [
    `- ${line.id}: ${line.title}`,
    line.objectiveTitle ? `  Objective: ${line.objectiveTitle}` : null,
    withOwner && line.owner ? `  Owner: ${line.owner}` : null,
    `  Progress ${formatPercent(line.progress)} · planned ${formatPercent(line.planned)} · ${line.status || 'no status'} · last check-in ${last}`,
    forecast === null ? null : `  ${forecast}`,
    '',
  ]
    .filter((text): text is string => text !== null)
    .join('\n');
}

function keyResultCard(line: KeyResultLine, timeZone: string, withOwner = false): string {
  const status = STATUS_COLOURS[line.status];
  const last = line.lastCheckIn ? formatDay(line.lastCheckIn, timeZone) : 'never';
  const sentence = forecastText(line, timeZone);
  const forecast =
    sentence === null
      ? ''
      : `<div style="${FONT}font-size:13px;color:${COLOURS.text};padding-top:4px;">${escapeHtml(sentence)}</div>`;
  const objective = line.objectiveTitle
    ? `<div style="${FONT}font-size:12px;color:${COLOURS.muted};padding-top:2px;">${escapeHtml(line.objectiveTitle)}</div>`
    : '';
  const owner =
    withOwner && line.owner
      ? `<div style="${FONT}font-size:12px;color:${COLOURS.muted};padding-top:2px;">Owner: ${escapeHtml(line.owner)}</div>`
      : '';
  const badge = `<span style="${FONT}display:inline-block;font-size:12px;font-weight:bold;color:${status.text};background:${status.background};border-radius:10px;padding:2px 8px;white-space:nowrap;">${escapeHtml(line.status || 'No status')}</span>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:separate;border:1px solid ${COLOURS.border};border-radius:8px;margin:0 0 12px 0;background:${COLOURS.card};">
<tr><td style="padding:14px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>
<td style="${FONT}font-size:15px;font-weight:bold;color:${COLOURS.text};vertical-align:top;"><span style="color:${COLOURS.muted};font-weight:normal;">${escapeHtml(line.id)}</span>&nbsp; ${escapeHtml(line.title)}${objective}${owner}</td>
<td style="text-align:right;vertical-align:top;padding-left:8px;">${badge}</td>
</tr></table>
${progressBar(line.progress, line.planned, line.status)}
<div style="${FONT}font-size:13px;color:${COLOURS.muted};padding-top:8px;">Progress <b style="color:${COLOURS.text};">${formatPercent(line.progress)}</b> &nbsp;·&nbsp; Planned <b style="color:${COLOURS.text};">${formatPercent(line.planned)}</b> &nbsp;·&nbsp; Last check-in <b style="color:${COLOURS.text};">${escapeHtml(last)}</b></div>${forecast}
</td></tr></table>`;
}

/**
 * A bar of table cells (mail clients ignore positioned elements), coloured by status, cut where
 * progress and plan fall; the dark edge marks where the plan says the KR should be today.
 */
function progressBar(
  progress: number | null,
  planned: number | null,
  status: KeyResultStatus,
): string {
  const done = Math.round((progress ?? 0) * 100);
  const plan = planned === null ? null : Math.round(planned * 100);
  const edges = [...new Set([0, done, ...(plan === null ? [] : [plan]), 100])].sort(
    (a, b) => a - b,
  );
  const fill = status === '' ? COLOURS.accent : STATUS_BARS[status];
  const cells = edges.slice(0, -1).map((from, index) => {
    const to = edges[index + 1]!;
    const width = to - from;
    if (width <= 0) return '';
    const marker =
      plan !== null && from === plan
        ? `border-left:2px solid ${COLOURS.planned};`
        : plan === 100 && to === 100
          ? `border-right:2px solid ${COLOURS.planned};`
          : '';
    return `<td width="${width}%" style="width:${width}%;height:10px;background:${to <= done ? fill : COLOURS.track};${marker}font-size:0;line-height:0;">&nbsp;</td>`;
  });
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin-top:10px;"><tr>${cells.join('')}</tr></table>`;
}

function legend(): string {
  return `<p style="${FONT}font-size:12px;color:${COLOURS.muted};margin:0 0 8px 0;">The dark mark on each bar is where the plan says the key result should be today.</p>`;
}

function paragraph(text: string): string {
  return `<p style="${FONT}font-size:14px;color:${COLOURS.muted};margin:0 0 12px 0;">${escapeHtml(text)}</p>`;
}

function sectionTitle(html: string): string {
  return `<h2 style="${FONT}font-size:13px;font-weight:bold;text-transform:uppercase;letter-spacing:0.5px;color:${COLOURS.muted};margin:20px 0 10px 0;">${html}</h2>`;
}

interface Layout {
  heading: string;
  intro: string;
  content: string;
  buttonLabel: string;
  context: EmailContext;
  footer: string;
}

function layout({ heading, intro, content, buttonLabel, context, footer }: Layout): string {
  const url = safeUrl(context.spreadsheetUrl);
  const button = url
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 4px 0;"><tr><td style="background:${COLOURS.accent};border-radius:6px;"><a href="${escapeHtml(url)}" style="${FONT}display:inline-block;padding:11px 20px;font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(buttonLabel)}</a></td></tr></table>`
    : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:0;background:${COLOURS.page};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLOURS.page};"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:${COLOURS.card};border-radius:10px;border:1px solid ${COLOURS.border};">
<tr><td style="padding:20px 24px 0 24px;${FONT}font-size:12px;font-weight:bold;color:${COLOURS.accent};">${brandLine(context.spreadsheetName)}</td></tr>
<tr><td style="padding:8px 24px 0 24px;"><h1 style="${FONT}font-size:22px;line-height:28px;color:${COLOURS.text};margin:0;">${escapeHtml(heading)}</h1></td></tr>
<tr><td style="padding:10px 24px 16px 24px;${FONT}font-size:14px;line-height:20px;color:${COLOURS.text};">${intro}</td></tr>
<tr><td style="padding:0 24px;">${content}</td></tr>
<tr><td style="padding:8px 24px 20px 24px;">${button}</td></tr>
<tr><td style="padding:14px 24px 20px 24px;border-top:1px solid ${COLOURS.border};${FONT}font-size:12px;line-height:18px;color:${COLOURS.muted};">${footer}</td></tr>
</table>
</td></tr></table>
</body></html>`;
}

/** "OKR Cadence · Team OKRs": the sheet's name as its owner wrote it, and not twice when it already names the add-on. */
function brandLine(spreadsheetName: string): string {
  const brand = 'OKR Cadence';
  const name = spreadsheetName.trim();
  if (name === '' || name.toLowerCase().startsWith(brand.toLowerCase()))
    return escapeHtml(name || brand);
  return `${brand} · ${escapeHtml(name)}`;
}
