/**
 * Where a key result stands, as the sidebar draws it: status chip, progress bar with the marker
 * at today's planned progress, the last check-in and a sparkline of recent values.
 */
import { confidenceBand } from '../src/core/confidence';
import type { KeyResultListItem, KeyResultSummary } from '../src/shared/checkIn';
import { element } from './dom';
import {
  describeForecast,
  formatDate,
  formatDaysAgo,
  formatFraction,
  formatMeasured,
} from './format';

export function statusChip(keyResult: KeyResultListItem): HTMLElement {
  const status = keyResult.status || (keyResult.type === 'baseline' ? 'Baseline' : 'No plan');
  const modifier = status.toLowerCase().replace(/\s+/g, '-');
  return element('span', { className: `okr-chip okr-chip--${modifier}`, text: status });
}

export function progressBar(keyResult: KeyResultListItem, compact: boolean): HTMLElement {
  const progress = keyResult.progress;
  const planned = keyResult.planned;
  const tone =
    keyResult.status === 'Off track' ? 'red' : keyResult.status === 'At risk' ? 'amber' : 'green';
  const track = element(
    'div',
    {
      className: `progress__track progress__track--${tone}`,
      attributes: {
        role: 'progressbar',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(Math.round((progress ?? 0) * 100)),
        'aria-label': `Progress of ${keyResult.title}`,
        'aria-valuetext': progressText(keyResult),
      },
    },
    [
      element('div', {
        className: 'progress__fill',
        attributes: { style: `width:${(progress ?? 0) * 100}%` },
      }),
    ],
  );
  if (planned !== null) {
    track.append(
      element('div', {
        className: 'progress__marker',
        attributes: {
          style: `left:${planned * 100}%`,
          title: `Planned for today: ${formatFraction(planned)}`,
        },
      }),
    );
  }
  if (compact) return element('span', { className: 'progress progress--compact' }, [track]);
  return element('div', { className: 'progress' }, [
    track,
    element('p', { className: 'progress__caption', text: progressText(keyResult) }),
  ]);
}

function progressText(keyResult: KeyResultListItem): string {
  if (keyResult.progress === null)
    return keyResult.type === 'baseline'
      ? 'Not scored: a baseline is being measured'
      : 'Progress unknown';
  const done = `${formatFraction(keyResult.progress)} done`;
  return keyResult.planned === null
    ? done
    : `${done} · ${formatFraction(keyResult.planned)} planned by today`;
}

/** Where the key result lands at the pace of its check-ins, or nothing when it has no forecast. */
export function forecastLine(keyResult: KeyResultListItem): HTMLElement | null {
  const forecast = keyResult.forecast;
  if (forecast === null) return null;
  // A span, since list items are buttons, which hold only phrasing content.
  return element('span', {
    className: forecast.progress === null ? 'forecast forecast--none' : 'forecast',
    text: describeForecast(keyResult, forecast),
  });
}

/** low, medium or high (the colour of a confidence), or none when blank. */
export function confidenceTone(value: number | null): string {
  return value === null ? 'none' : (confidenceBand(value) ?? 'none');
}

/** The date and text of the latest check-in; `now` is the spreadsheet's wall clock. */
export function lastCheckIn(keyResult: KeyResultSummary, now: Date): (Node | null)[] {
  if (keyResult.lastCheckInDate === null) {
    return [element('p', { className: 'okr-muted', text: 'No check-in yet.' })];
  }
  const date = keyResult.lastCheckInDate;
  return [
    element('p', { className: 'kr-card__last-date' }, [
      element('span', { text: 'Last check-in ' }),
      element('time', {
        text: `${formatDate(date)} (${formatDaysAgo(date, now)})`,
        attributes: { datetime: date },
      }),
    ]),
    keyResult.lastCheckInText
      ? element('p', { className: 'kr-card__last-text', text: keyResult.lastCheckInText })
      : null,
  ];
}

const TEXT_HISTORY_LENGTH = 4;

/** A sparkline of recent values (numbers) or a row of yes/no marks (binary KRs). */
export function history(keyResult: KeyResultSummary): (Node | null)[] {
  const points = keyResult.history;
  if (points.length < 2) return [];
  const values = points.map((point) =>
    typeof point.value === 'boolean' ? Number(point.value) : point.value,
  );
  const numbers = values.filter((value): value is number => value !== null);
  const label = `Recent values: ${points.map((point) => `${formatDate(point.timestamp)} ${formatMeasured(keyResult, point.value)}`).join('; ')}`;
  // The sparkline shows the trend; the text lists only the latest values so it fits two lines.
  const list = element(
    'ol',
    { className: 'history__values' },
    points.slice(-TEXT_HISTORY_LENGTH).map((point) =>
      element('li', { attributes: { title: formatDate(point.timestamp) } }, [
        element('span', {
          className: 'history__value',
          text: formatMeasured(keyResult, point.value),
        }),
      ]),
    ),
  );
  return [
    element('h3', { text: 'Recent values' }),
    numbers.length >= 2 ? sparkline(values, label) : null,
    list,
  ];
}

function sparkline(values: readonly (number | null)[], label: string): SVGSVGElement {
  const width = 268;
  const height = 36;
  const numbers = values.filter((value): value is number => value !== null);
  const low = Math.min(...numbers);
  const span = Math.max(...numbers) - low || 1;
  const step = width / Math.max(1, values.length - 1);
  const coordinates = values
    .map((value, index) =>
      value === null ? null : [index * step, height - 4 - ((value - low) / span) * (height - 8)],
    )
    .filter((point): point is number[] => point !== null);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `-4 0 ${width + 8} ${height}`);
  svg.setAttribute('class', 'history__sparkline');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute(
    'points',
    coordinates.map(([x, y]) => `${x!.toFixed(1)},${y!.toFixed(1)}`).join(' '),
  );
  svg.append(line);
  for (const [x, y] of coordinates) {
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    dot.setAttribute('cx', x!.toFixed(1));
    dot.setAttribute('cy', y!.toFixed(1));
    dot.setAttribute('r', '2.5');
    svg.append(dot);
  }
  return svg;
}
