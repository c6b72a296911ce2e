/**
 * The check-in sidebar: pick a key result (yours first, or search them all), see where it stands,
 * and save a check-in. The server validates everything again; this page only helps people get
 * it right the first time. Cell text is only ever set through textContent.
 */
import { confidenceBand } from '../src/core/confidence';
import { readCheckInPayload } from '../src/core/checkIn';
import {
  COMMENT_FIELDS,
  type CheckInContext,
  type CheckInField,
  type CheckInFieldError,
  type CheckInPayload,
  type KeyResultSummary,
  type SaveCheckInResult,
} from '../src/shared/checkIn';
import { byId, element, replaceChildren, show } from './dom';
import { describeRange, formatDate, formatDaysAgo, formatFraction, formatMeasured } from './format';
import { runServer, ServerCallError } from './run';

interface PageState {
  context: CheckInContext | null;
  selected: KeyResultSummary | null;
  saving: boolean;
}

const state: PageState = { context: null, selected: null, saving: false };

const app = byId('app');
const picker = byId('picker');
const detail = byId('detail');
const form = byId<HTMLFormElement>('check-in-form');
const search = byId<HTMLInputElement>('search');
const confidence = byId<HTMLInputElement>('confidence');
const saveButton = byId<HTMLButtonElement>('save');

// ---- Loading ----

async function load(): Promise<void> {
  show(byId('loading'), true);
  show(byId('load-error'), false);
  app.setAttribute('aria-busy', 'true');
  try {
    state.context = await runServer<CheckInContext>('getCheckInContext');
    renderPicker();
    showView('picker');
  } catch (error) {
    byId('load-error-text').textContent = messageOf(error);
    show(byId('load-error'), true);
    byId('retry').focus();
  } finally {
    show(byId('loading'), false);
    app.setAttribute('aria-busy', 'false');
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ServerCallError || error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}

function showView(view: 'picker' | 'detail'): void {
  show(picker, view === 'picker');
  show(detail, view === 'detail');
}

// ---- Picker: the user's KRs, then a search over all of them grouped by objective ----

function renderPicker(): void {
  const context = state.context!;
  const mine = context.keyResults.filter((keyResult) => keyResult.ownedByUser);
  byId('picker-subtitle').textContent = [context.cycleName, context.userEmail]
    .filter(Boolean)
    .join(' · ');
  replaceChildren(
    byId('my-key-results'),
    mine.map((keyResult) => element('li', {}, [keyResultButton(keyResult, false)])),
  );
  show(byId('my-key-results'), mine.length > 0);
  show(byId('empty-state'), mine.length === 0);
  byId('empty-state-email').textContent = context.userEmail || 'your email';
  renderSearchResults();
  const problems = context.problems;
  show(byId('sheet-problems'), problems.length > 0);
  replaceChildren(
    byId('sheet-problem-list'),
    problems.map((problem) => element('li', { text: problem })),
  );
}

function keyResultButton(keyResult: KeyResultSummary, showOwner: boolean): HTMLButtonElement {
  const meta = showOwner
    ? keyResult.owner || 'No owner'
    : keyResult.objectiveTitle || keyResult.objectiveId;
  const button = element(
    'button',
    { className: 'kr-item', attributes: { type: 'button', 'data-key-result-id': keyResult.id } },
    [
      element('span', { className: 'kr-item__title', text: keyResult.title }),
      element('span', { className: 'kr-item__meta' }, [
        element('span', { className: 'kr-item__meta-text', text: meta }),
        statusChip(keyResult),
      ]),
      progressBar(keyResult, true),
    ],
  );
  button.addEventListener('click', () => openKeyResult(keyResult.id));
  return button;
}

function matches(keyResult: KeyResultSummary, words: readonly string[]): boolean {
  const haystack = [
    keyResult.id,
    keyResult.title,
    keyResult.objectiveTitle,
    keyResult.objectiveId,
    keyResult.owner,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function renderSearchResults(): void {
  const context = state.context!;
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  const found = context.keyResults.filter((keyResult) => matches(keyResult, words));
  const container = byId('all-key-results');
  // One short announcement per search instead of reading out the whole list again.
  byId('search-status').textContent =
    words.length === 0 ? '' : `${found.length} key result${found.length === 1 ? '' : 's'} found`;
  if (found.length === 0) {
    const text =
      context.keyResults.length === 0
        ? 'The Key Results sheet has no key results for this cycle yet. Add rows to it, or use Extensions → OKR Cadence → Load example OKRs.'
        : `No key result matches “${search.value.trim()}”.`;
    replaceChildren(container, [element('p', { className: 'okr-muted search__empty', text })]);
    return;
  }
  const titles = new Map(context.objectives.map((objective) => [objective.id, objective.title]));
  const order = [...titles.keys()];
  const groups = new Map<string, KeyResultSummary[]>();
  for (const keyResult of found)
    groups.set(keyResult.objectiveId, [...(groups.get(keyResult.objectiveId) ?? []), keyResult]);
  const objectiveIds = [...groups.keys()].sort((a, b) => rank(order, a) - rank(order, b));
  replaceChildren(
    container,
    objectiveIds.map((objectiveId) =>
      element('section', { className: 'objective-group' }, [
        element('h2', {
          className: 'objective-group__title',
          text: titles.get(objectiveId) || `Objective ${objectiveId || '(none)'}`,
        }),
        element(
          'ul',
          { className: 'kr-list' },
          groups
            .get(objectiveId)!
            .map((keyResult) => element('li', {}, [keyResultButton(keyResult, true)])),
        ),
      ]),
    ),
  );
}

function rank(order: readonly string[], objectiveId: string): number {
  const index = order.indexOf(objectiveId);
  return index === -1 ? order.length : index;
}

// ---- Shared pieces: status chip and progress bar with the planned marker ----

function statusChip(keyResult: KeyResultSummary): HTMLElement {
  const status = keyResult.status || (keyResult.type === 'baseline' ? 'Baseline' : 'No plan');
  const modifier = status.toLowerCase().replace(/\s+/g, '-');
  return element('span', { className: `okr-chip okr-chip--${modifier}`, text: status });
}

function progressBar(keyResult: KeyResultSummary, compact: boolean): HTMLElement {
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

function progressText(keyResult: KeyResultSummary): string {
  if (keyResult.progress === null)
    return keyResult.type === 'baseline'
      ? 'Not scored: a baseline is being measured'
      : 'Progress unknown';
  const done = `${formatFraction(keyResult.progress)} done`;
  return keyResult.planned === null
    ? done
    : `${done} · ${formatFraction(keyResult.planned)} planned by today`;
}

// ---- Detail: where the KR stands, and the check-in form ----

let returnFocusTo: string | null = null;

function openKeyResult(id: string): void {
  const keyResult = state.context?.keyResults.find((candidate) => candidate.id === id);
  if (!keyResult) return;
  returnFocusTo = id;
  state.selected = keyResult;
  show(byId('saved-banner'), false);
  renderDetail(keyResult);
  resetForm(keyResult);
  showView('detail');
  window.scrollTo(0, 0);
  firstInput()?.focus();
}

function backToList(): void {
  if (state.saving) return;
  state.selected = null;
  renderPicker();
  showView('picker');
  const button = returnFocusTo
    ? picker.querySelector<HTMLButtonElement>(`[data-key-result-id="${CSS.escape(returnFocusTo)}"]`)
    : null;
  (button ?? search).focus();
}

function renderDetail(keyResult: KeyResultSummary): void {
  byId('kr-objective').textContent =
    keyResult.objectiveTitle || `Objective ${keyResult.objectiveId}`;
  byId('kr-title').textContent = keyResult.title;
  byId('kr-range').textContent = describeRange(keyResult);
  byId('kr-current').textContent = formatMeasured(keyResult, keyResult.current);
  const confidenceText = byId('kr-confidence');
  confidenceText.textContent = keyResult.confidence === null ? '—' : `${keyResult.confidence}/10`;
  confidenceText.className = `kr-card__figure confidence-tone--${bandOf(keyResult.confidence)}`;
  byId('kr-status').replaceWith(Object.assign(statusChip(keyResult), { id: 'kr-status' }));
  replaceChildren(byId('kr-progress'), [progressBar(keyResult, false)]);
  const problem = byId('kr-problem');
  problem.textContent = keyResult.problem;
  show(problem, keyResult.problem !== '');
  renderLastCheckIn(keyResult);
  renderHistory(keyResult);
  const reminder = keyResult.previousPlans.trim();
  byId('plans-reminder-text').textContent = reminder;
  show(byId('plans-reminder'), reminder !== '');
}

function bandOf(value: number | null): string {
  return value === null ? 'none' : (confidenceBand(value) ?? 'none');
}

function renderLastCheckIn(keyResult: KeyResultSummary): void {
  const container = byId('kr-last');
  if (keyResult.lastCheckInDate === null) {
    replaceChildren(container, [
      element('p', { className: 'okr-muted', text: 'No check-in yet.' }),
    ]);
    return;
  }
  const date = keyResult.lastCheckInDate;
  replaceChildren(container, [
    element('p', { className: 'kr-card__last-date' }, [
      element('span', { text: 'Last check-in ' }),
      element('time', {
        text: `${formatDate(date)} (${formatDaysAgo(date)})`,
        attributes: { datetime: date },
      }),
    ]),
    keyResult.lastCheckInText
      ? element('p', { className: 'kr-card__last-text', text: keyResult.lastCheckInText })
      : null,
  ]);
}

const TEXT_HISTORY_LENGTH = 4;

/** A sparkline of recent values (numbers) or a row of yes/no marks (binary KRs). */
function renderHistory(keyResult: KeyResultSummary): void {
  const container = byId('kr-history');
  const points = keyResult.history;
  if (points.length < 2) {
    replaceChildren(container, []);
    return;
  }
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
  replaceChildren(container, [
    element('h3', { text: 'Recent values' }),
    numbers.length >= 2 ? sparkline(values, label) : null,
    list,
  ]);
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

// ---- The value input that fits the KR type ----

function renderValueField(keyResult: KeyResultSummary): void {
  const container = byId('value-field');
  const error = element('span', { className: 'okr-error', attributes: { id: 'value-error' } });
  switch (keyResult.inputKind) {
    case 'binary':
      replaceChildren(container, [binaryField(keyResult, error)]);
      return;
    case 'milestones':
      replaceChildren(container, [milestonesField(keyResult, error)]);
      return;
    default:
      replaceChildren(container, [numberField(keyResult, error)]);
  }
}

function numberField(keyResult: KeyResultSummary, error: HTMLElement): HTMLElement {
  const percentage = keyResult.inputKind === 'percentage';
  const unit = percentage ? '%' : keyResult.unit;
  const input = element('input', {
    className: 'okr-input value-input__input',
    attributes: {
      id: 'value',
      type: 'number',
      step: 'any',
      inputmode: 'decimal',
      'aria-describedby': 'value-hint value-error',
      required: '',
    },
  });
  if (percentage) {
    input.min = '0';
    input.max = '100';
  }
  const current = keyResult.current;
  if (typeof current === 'number')
    input.value = String(
      percentage ? roundPercent(Math.abs(current) > 1 ? current : current * 100) : current,
    );
  const hint =
    keyResult.target === null
      ? `Now ${formatMeasured(keyResult, current)}`
      : `Now ${formatMeasured(keyResult, current)} · target ${formatMeasured(keyResult, keyResult.target)}`;
  return element('div', { className: 'okr-field' }, [
    element('label', {
      className: 'okr-label',
      text:
        keyResult.inputKind === 'percentage'
          ? 'Value (%)'
          : keyResult.unit
            ? `Value (${keyResult.unit})`
            : 'Value',
      attributes: { for: 'value' },
    }),
    element('div', { className: 'value-input' }, [
      input,
      unit
        ? element('span', {
            className: 'value-input__unit',
            text: unit,
            attributes: { 'aria-hidden': 'true' },
          })
        : null,
    ]),
    element('span', { className: 'okr-hint', text: hint, attributes: { id: 'value-hint' } }),
    error,
  ]);
}

function roundPercent(percent: number): number {
  return Math.round(percent * 100) / 100;
}

function binaryField(keyResult: KeyResultSummary, error: HTMLElement): HTMLElement {
  const option = (value: 'yes' | 'no', text: string) => {
    const input = element('input', {
      attributes: { type: 'radio', name: 'value', value, id: `value-${value}` },
    });
    input.checked =
      (keyResult.current === true) === (value === 'yes') && keyResult.current !== null;
    return element('label', { className: 'choice', attributes: { for: `value-${value}` } }, [
      input,
      element('span', { text }),
    ]);
  };
  return element(
    'fieldset',
    { className: 'okr-field choices', attributes: { 'aria-describedby': 'value-error' } },
    [
      element('legend', { className: 'okr-label', text: 'Is it done?' }),
      element('div', { className: 'choices__row' }, [
        option('yes', 'Yes, done'),
        option('no', 'Not yet'),
      ]),
      error,
    ],
  );
}

function milestonesField(keyResult: KeyResultSummary, error: HTMLElement): HTMLElement {
  const totalWeight = keyResult.milestones.reduce((sum, milestone) => sum + milestone.weight, 0);
  const items = keyResult.milestones.map((milestone, index) => {
    const id = `milestone-${index}`;
    const checkbox = element('input', {
      attributes: { type: 'checkbox', id, 'data-row': String(milestone.row) },
    });
    checkbox.checked = milestone.done;
    const weighted = totalWeight > 0 && keyResult.milestones.some((other) => other.weight !== 1);
    const details = [
      weighted ? `${formatFraction(milestone.weight / totalWeight)} of the work` : '',
      milestone.done && milestone.doneDate ? `done ${formatDate(milestone.doneDate)}` : '',
    ].filter(Boolean);
    return element('li', {}, [
      element('label', { className: 'choice choice--block', attributes: { for: id } }, [
        checkbox,
        element('span', {}, [
          element('span', { text: milestone.milestone }),
          details.length > 0
            ? element('span', { className: 'okr-muted', text: details.join(' · ') })
            : null,
        ]),
      ]),
    ]);
  });
  return element(
    'fieldset',
    { className: 'okr-field choices', attributes: { 'aria-describedby': 'value-error' } },
    [
      element('legend', { className: 'okr-label', text: 'Milestones done' }),
      element('ul', { className: 'milestones' }, items),
      error,
    ],
  );
}

function firstInput(): HTMLElement | null {
  return form.querySelector<HTMLElement>('input, textarea');
}

// ---- The form ----

function resetForm(keyResult: KeyResultSummary): void {
  renderValueField(keyResult);
  confidence.value = String(keyResult.confidence ?? 5);
  updateConfidence();
  for (const field of COMMENT_FIELDS) byId<HTMLTextAreaElement>(field).value = '';
  clearErrors();
}

function updateConfidence(): void {
  const value = Number(confidence.value);
  const output = byId('confidence-value');
  const band = bandOf(value);
  output.textContent = `${value}/10`;
  output.className = `confidence__value confidence-tone--${band}`;
  confidence.className = `confidence__slider confidence__slider--${band}`;
  confidence.setAttribute('aria-valuetext', `${value} of 10, ${band} confidence`);
}

/** The value as the form holds it: a number, yes/no, or null when nothing is entered. */
function formValue(keyResult: KeyResultSummary): number | boolean | null {
  if (keyResult.inputKind === 'binary') {
    const checked = form.querySelector<HTMLInputElement>('input[name="value"]:checked');
    return checked ? checked.value === 'yes' : null;
  }
  if (keyResult.inputKind === 'milestones') return null;
  const input = byId<HTMLInputElement>('value');
  if (input.value.trim() === '') return null;
  const number = input.valueAsNumber;
  if (Number.isNaN(number)) return null;
  return keyResult.inputKind === 'percentage' ? number / 100 : number;
}

function formPayload(keyResult: KeyResultSummary): CheckInPayload {
  const milestones =
    keyResult.inputKind === 'milestones'
      ? keyResult.milestones.map((milestone, index) => ({
          row: milestone.row,
          milestone: milestone.milestone,
          done: byId<HTMLInputElement>(`milestone-${index}`).checked,
        }))
      : null;
  return {
    keyResultId: keyResult.id,
    value: formValue(keyResult),
    milestones,
    confidence: Number(confidence.value),
    progress: byId<HTMLTextAreaElement>('progress').value,
    plans: byId<HTMLTextAreaElement>('plans').value,
    problems: byId<HTMLTextAreaElement>('problems').value,
    learnings: byId<HTMLTextAreaElement>('learnings').value,
  };
}

/** Problems the page can see before asking the server (which checks again anyway). */
function localErrors(keyResult: KeyResultSummary, payload: CheckInPayload): CheckInFieldError[] {
  const checked = readCheckInPayload(payload);
  const errors = checked.ok ? [] : [...checked.errors];
  if (keyResult.inputKind === 'binary' && payload.value === null) {
    errors.push({ field: 'value', message: 'Choose Yes or Not yet.' });
  } else if (
    (keyResult.inputKind === 'number' || keyResult.inputKind === 'percentage') &&
    payload.value === null
  ) {
    const input = byId<HTMLInputElement>('value');
    errors.push({
      field: 'value',
      message:
        input.value.trim() === ''
          ? 'Enter the current value.'
          : `“${input.value}” is not a number. Enter a number such as 42.`,
    });
  } else if (
    keyResult.inputKind === 'percentage' &&
    typeof payload.value === 'number' &&
    (payload.value < 0 || payload.value > 1)
  ) {
    errors.push({ field: 'value', message: 'Enter a percentage from 0 to 100.' });
  }
  return errors;
}

const FIELD_TARGETS: Record<CheckInField, string | null> = {
  keyResultId: null,
  value: 'value',
  milestones: 'value',
  confidence: 'confidence',
  progress: 'progress',
  plans: 'plans',
  problems: 'problems',
  learnings: 'learnings',
};

function clearErrors(): void {
  for (const message of form.querySelectorAll('.okr-error')) message.textContent = '';
  for (const invalid of form.querySelectorAll('[aria-invalid="true"]'))
    invalid.removeAttribute('aria-invalid');
  show(byId('form-error'), false);
}

/** Each error goes next to its field; errors about the whole check-in go above the form. */
function showErrors(errors: readonly CheckInFieldError[]): void {
  clearErrors();
  const general: string[] = [];
  let firstInvalid: HTMLElement | null = null;
  for (const error of errors) {
    const target = error.field === null ? null : FIELD_TARGETS[error.field];
    const message = target ? document.getElementById(`${target}-error`) : null;
    if (!target || !message) {
      general.push(error.message);
      continue;
    }
    message.textContent = message.textContent
      ? `${message.textContent} ${error.message}`
      : error.message;
    const input =
      document.getElementById(target) ?? form.querySelector<HTMLElement>(`#value-field input`);
    input?.setAttribute('aria-invalid', 'true');
    firstInvalid ??= input;
  }
  const banner = byId('form-error');
  banner.textContent = general.join(' ');
  show(banner, general.length > 0);
  (firstInvalid ?? (general.length > 0 ? banner : null))?.focus();
}

function setSaving(saving: boolean): void {
  state.saving = saving;
  saveButton.disabled = saving;
  show(byId('save-spinner'), saving);
  byId('save-label').textContent = saving ? 'Saving…' : 'Save check-in';
  form.setAttribute('aria-busy', String(saving));
  byId<HTMLButtonElement>('cancel').disabled = saving;
  byId<HTMLButtonElement>('back').disabled = saving;
}

async function submit(): Promise<void> {
  const keyResult = state.selected;
  if (!keyResult || state.saving) return;
  const payload = formPayload(keyResult);
  const errors = localErrors(keyResult, payload);
  if (errors.length > 0) {
    showErrors(errors);
    return;
  }
  clearErrors();
  setSaving(true);
  let result: SaveCheckInResult;
  try {
    result = await runServer<SaveCheckInResult>('saveCheckIn', payload);
  } catch (error) {
    result = { ok: false, errors: [{ field: null, message: messageOf(error) }] };
  }
  // Re-enabled before showing the outcome: errors focus a field, success leaves the form.
  setSaving(false);
  if (result.ok) saved(result.keyResult, result.savedAt);
  else showErrors(result.errors);
}

function saved(keyResult: KeyResultSummary, savedAt: string): void {
  const context = state.context!;
  state.context = {
    ...context,
    keyResults: context.keyResults.map((candidate) =>
      candidate.id === keyResult.id
        ? { ...keyResult, ownedByUser: candidate.ownedByUser }
        : candidate,
    ),
  };
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(savedAt));
  const banner = byId('saved-banner');
  banner.textContent = `Check-in saved for “${keyResult.title}” at ${time}.`;
  // The confirmation lives on the list; go back there so the next KR is one click away.
  backToList();
  show(banner, true);
}

// ---- Wiring: mouse and keyboard ----

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});
form.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    void submit();
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !detail.hidden && !state.saving) {
    event.preventDefault();
    backToList();
  }
});
confidence.addEventListener('input', updateConfidence);
search.addEventListener('input', renderSearchResults);
byId('back').addEventListener('click', backToList);
byId('cancel').addEventListener('click', backToList);
byId('retry').addEventListener('click', () => void load());

void load();
