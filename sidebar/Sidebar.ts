/**
 * The check-in sidebar: pick a key result (yours first, or search them all), see where it stands,
 * and save a check-in. The server validates everything again; this page only helps people get
 * it right the first time. Cell text is only ever set through textContent.
 */
import { readCheckInPayload } from '../src/core/checkIn';
import {
  COMMENT_FIELDS,
  type CheckInContext,
  type CheckInFieldError,
  type CheckInPayload,
  type KeyResultDetailResult,
  type KeyResultListItem,
  type KeyResultPage,
  type KeyResultSearch,
  type KeyResultSummary,
  type ObjectiveSummary,
  type SaveCheckInResult,
} from '../src/shared/checkIn';
import { byId, element, replaceChildren, show } from './dom';
import { clearErrors, showErrors } from './fieldErrors';
import { describeRange, formatMeasured, formatTime } from './format';
import {
  confidenceTone,
  forecastLine,
  history,
  lastCheckIn,
  progressBar,
  statusChip,
} from './keyResultCard';
import { runServer, ServerCallError } from './run';
import { enteredValue, tickedMilestones, valueField } from './valueField';

interface PageState {
  context: CheckInContext | null;
  /** The user's own key results as listed. */
  mine: KeyResultListItem[];
  /** The search results shown under "All key results": the pages loaded so far. */
  results: KeyResultListItem[];
  resultObjectives: ObjectiveSummary[];
  resultTotal: number;
  /** The key results opened in the form, with their last check-ins. */
  details: Map<string, KeyResultSummary>;
  selected: KeyResultSummary | null;
  saving: boolean;
  /** The spreadsheet's wall clock (the context's asOf) less the viewer's clock, in ms. */
  clockOffset: number;
}

const state: PageState = {
  context: null,
  mine: [],
  results: [],
  resultObjectives: [],
  resultTotal: 0,
  details: new Map(),
  selected: null,
  saving: false,
  clockOffset: 0,
};

/** Now on the spreadsheet's wall clock: the time the server said, moved on as the page's clock moved. */
const spreadsheetNow = (): Date => new Date(Date.now() + state.clockOffset);

const app = byId('app');
const picker = byId('picker');
const detail = byId('detail');
const form = byId<HTMLFormElement>('check-in-form');
const search = byId<HTMLInputElement>('search');
const confidence = byId<HTMLInputElement>('confidence');
const saveButton = byId<HTMLButtonElement>('save');

// ---- Loading ----

async function load(notice = ''): Promise<void> {
  show(byId('loading'), true);
  show(picker, false);
  show(detail, false);
  show(byId('load-error'), false);
  app.setAttribute('aria-busy', 'true');
  try {
    const context = await runServer<CheckInContext>('getCheckInContext');
    state.context = context;
    state.clockOffset = Date.parse(context.asOf) - Date.now();
    state.mine = context.mine;
    state.details.clear();
    search.value = '';
    showPage(context.all, false);
    renderPicker();
    showView('picker');
    showNotice(notice);
  } catch (error) {
    byId('load-error-text').textContent = messageOf(error);
    show(byId('load-error'), true);
    byId('retry').focus();
  } finally {
    show(byId('loading'), false);
    app.setAttribute('aria-busy', 'false');
  }
}

function showNotice(text: string): void {
  const notice = byId('notice-banner');
  notice.textContent = text;
  show(notice, text !== '');
  if (text !== '') byId('saved-banner').textContent = '';
}

function messageOf(error: unknown): string {
  if (error instanceof ServerCallError || error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}

function showView(view: 'picker' | 'detail'): void {
  show(picker, view === 'picker');
  show(detail, view === 'detail');
}

// ---- Picker: the user's KRs, then all of them a page at a time, searched on the server ----

function renderPicker(): void {
  const context = state.context!;
  byId('picker-subtitle').textContent = [context.cycleName, context.userEmail]
    .filter(Boolean)
    .join(' · ');
  replaceChildren(
    byId('my-key-results'),
    state.mine.map((keyResult) => element('li', {}, [keyResultButton(keyResult, false)])),
  );
  show(byId('my-key-results'), state.mine.length > 0);
  const hiddenMine = context.mineTotal - state.mine.length;
  byId('more-of-mine').textContent =
    hiddenMine > 0 ? `${hiddenMine} more of yours: search below to find them.` : '';
  show(byId('more-of-mine'), hiddenMine > 0);
  const importable = context.importableSheets;
  show(byId('import-hint'), importable.length > 0);
  byId('import-hint-text').textContent =
    `No key results yet, but your sheets ${importable.map((name) => `"${name}"`).join(', ')} look like OKRs. Import them to check in here (your sheets stay as they are).`;
  show(byId('empty-state'), context.mineTotal === 0 && importable.length === 0);
  byId('empty-state-email').textContent = context.userEmail || 'your email';
  renderSearchResults();
  const problems = context.problems;
  show(byId('sheet-problems'), problems.length > 0);
  replaceChildren(
    byId('sheet-problem-list'),
    problems.map((problem) => element('li', { text: problem })),
  );
}

function keyResultButton(keyResult: KeyResultListItem, showOwner: boolean): HTMLButtonElement {
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
      forecastLine(keyResult),
    ],
  );
  button.addEventListener('click', () => void openKeyResult(keyResult));
  return button;
}

/** Takes a page from the server: the first replaces the results, a later one adds to them. */
function showPage(page: KeyResultPage, append: boolean): void {
  state.results = append ? [...state.results, ...page.keyResults] : page.keyResults;
  const known = new Map(
    (append ? state.resultObjectives : []).map((objective) => [objective.id, objective]),
  );
  for (const objective of page.objectives) known.set(objective.id, objective);
  state.resultObjectives = [...known.values()];
  state.resultTotal = page.total;
}

function renderSearchResults(): void {
  const context = state.context!;
  const query = search.value.trim();
  const container = byId('all-key-results');
  // One short announcement per search instead of reading out the whole list again.
  byId('search-status').textContent =
    query === ''
      ? ''
      : `${state.resultTotal} key result${state.resultTotal === 1 ? '' : 's'} found`;
  show(byId('show-more'), state.results.length < state.resultTotal);
  if (state.results.length === 0) {
    const text =
      query === '' && context.all.total === 0
        ? 'The Key Results sheet has no key results for this cycle yet. Add rows to it, or use Extensions → OKR Cadence → Load example OKRs.'
        : `No key result matches “${query}”.`;
    replaceChildren(container, [element('p', { className: 'okr-muted search__empty', text })]);
    return;
  }
  const titles = new Map(
    state.resultObjectives.map((objective) => [objective.id, objective.title]),
  );
  const order = [...titles.keys()];
  const groups = new Map<string, KeyResultListItem[]>();
  for (const keyResult of state.results)
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

/** The newest search wins: answers to older ones arriving late are dropped. */
let searchNumber = 0;
let searchTimer: number | undefined;

async function runSearch(offset: number): Promise<void> {
  const number = ++searchNumber;
  const request: KeyResultSearch = { query: search.value.trim(), offset };
  search.setAttribute('aria-busy', 'true');
  try {
    const page = await runServer<KeyResultPage>('searchKeyResults', request);
    if (number !== searchNumber) return;
    showPage(page, offset > 0);
    renderSearchResults();
  } catch (error) {
    if (number === searchNumber) showNotice(messageOf(error));
  } finally {
    if (number === searchNumber) search.removeAttribute('aria-busy');
  }
}

function searchSoon(): void {
  window.clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => void runSearch(0), 250);
}

// ---- Detail: where the KR stands, and the check-in form ----

let returnFocusTo: string | null = null;

async function openKeyResult(item: KeyResultListItem): Promise<void> {
  returnFocusTo = item.id;
  state.selected = null;
  byId('saved-banner').textContent = '';
  renderCard(item);
  replaceChildren(byId('kr-last'), []);
  replaceChildren(byId('kr-history'), []);
  show(form, false);
  show(byId('detail-loading'), true);
  showView('detail');
  window.scrollTo(0, 0);
  byId('back').focus();
  let result: KeyResultDetailResult;
  try {
    result = await runServer<KeyResultDetailResult>('getKeyResultDetail', item.id);
  } catch (error) {
    result = { ok: false, message: messageOf(error), reload: false };
  }
  // The person may have gone back to the list meanwhile.
  if (detail.hidden || returnFocusTo !== item.id) return;
  show(byId('detail-loading'), false);
  if (!result.ok) {
    if (result.reload) void load(result.message);
    else showNotice(result.message);
    if (!result.reload) backToList();
    return;
  }
  const keyResult = { ...result.keyResult, ownedByUser: item.ownedByUser };
  state.details.set(keyResult.id, keyResult);
  state.selected = keyResult;
  renderDetail(keyResult);
  resetForm(keyResult);
  show(form, true);
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

/** What the list item already says: shown at once while the last check-ins load. */
function renderCard(keyResult: KeyResultListItem): void {
  byId('kr-objective').textContent =
    keyResult.objectiveTitle || `Objective ${keyResult.objectiveId}`;
  byId('kr-title').textContent = keyResult.title;
  byId('kr-range').textContent = describeRange(keyResult);
  byId('kr-current').textContent = formatMeasured(keyResult, keyResult.current);
  const confidenceText = byId('kr-confidence');
  confidenceText.textContent = keyResult.confidence === null ? '—' : `${keyResult.confidence}/10`;
  confidenceText.className = `kr-card__figure confidence-tone--${confidenceTone(keyResult.confidence)}`;
  byId('kr-status').replaceWith(Object.assign(statusChip(keyResult), { id: 'kr-status' }));
  replaceChildren(byId('kr-progress'), [progressBar(keyResult, false), forecastLine(keyResult)]);
  const problem = byId('kr-problem');
  problem.textContent = keyResult.problem;
  show(problem, keyResult.problem !== '');
}

function renderDetail(keyResult: KeyResultSummary): void {
  renderCard(keyResult);
  replaceChildren(byId('kr-last'), lastCheckIn(keyResult, spreadsheetNow()));
  replaceChildren(byId('kr-history'), history(keyResult));
  const reminder = keyResult.previousPlans.trim();
  byId('plans-reminder-text').textContent = reminder;
  show(byId('plans-reminder'), reminder !== '');
}

function firstInput(): HTMLElement | null {
  return form.querySelector<HTMLElement>('input, textarea');
}

// ---- The form ----

function resetForm(keyResult: KeyResultSummary): void {
  replaceChildren(byId('value-field'), [valueField(keyResult)]);
  confidence.value = String(keyResult.confidence ?? 5);
  updateConfidence();
  for (const field of COMMENT_FIELDS) byId<HTMLTextAreaElement>(field).value = '';
  clearErrors(form);
}

function updateConfidence(): void {
  const value = Number(confidence.value);
  const output = byId('confidence-value');
  const band = confidenceTone(value);
  output.textContent = `${value}/10`;
  output.className = `confidence__value confidence-tone--${band}`;
  confidence.className = `confidence__slider confidence__slider--${band}`;
  confidence.setAttribute('aria-valuetext', `${value} of 10, ${band} confidence`);
}

function formPayload(keyResult: KeyResultSummary): CheckInPayload {
  return {
    keyResultId: keyResult.id,
    value: enteredValue(form, keyResult),
    milestones: tickedMilestones(keyResult),
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
  const numeric = keyResult.inputKind === 'number' || keyResult.inputKind === 'percentage';
  // The checker's value message speaks of every kind of key result; a number field gets its own.
  const errors = checked.ok
    ? []
    : checked.errors.filter((error) => !(numeric && error.field === 'value'));
  if (keyResult.inputKind === 'binary' && payload.value === null) {
    errors.push({ field: 'value', message: 'Choose Yes or Not yet.' });
  } else if (numeric && payload.value === null) {
    const input = byId<HTMLInputElement>('value');
    // A number field empties its value for text it cannot read (1e, --5); badInput says so.
    errors.push({
      field: 'value',
      message: input.validity.badInput
        ? 'That is not a number: an “e” needs digits after it (1e3 is 1000) and a number has at most one minus sign. Enter a number such as 42 or -5.'
        : 'Enter the current value.',
    });
  } else if (numeric && !checked.ok && checked.errors.some((error) => error.field === 'value')) {
    errors.push({
      field: 'value',
      message: `${String(payload.value)} is too large to be a measurement. Enter a number below 1,000,000,000,000,000.`,
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
    showErrors(form, errors);
    return;
  }
  clearErrors(form);
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
  else if (result.reload) {
    // The key result left the open cycle (closed, or removed): the list is out of date.
    void load(result.errors.map((error) => error.message).join(' '));
  } else showErrors(form, result.errors);
}

function saved(keyResult: KeyResultSummary, savedAt: string): void {
  const previous = state.details.get(keyResult.id);
  // The server sends only the check-in just saved; the page keeps the ones before it.
  state.details.set(keyResult.id, {
    ...keyResult,
    history: [...(previous?.history ?? []), ...keyResult.history].slice(-8),
  });
  const refresh = (item: KeyResultListItem): KeyResultListItem =>
    item.id === keyResult.id ? { ...listFields(keyResult), ownedByUser: item.ownedByUser } : item;
  state.mine = state.mine.map(refresh);
  state.results = state.results.map(refresh);
  const message = `Check-in saved for “${keyResult.title}” at ${formatTime(savedAt)}.`;
  // The confirmation lives on the list; go back there so the next KR is one click away.
  backToList();
  show(byId('notice-banner'), false);
  // A live region is announced when its text changes while it is on screen: the list (and the
  // empty region in it) is shown first, the text comes a frame later.
  requestAnimationFrame(() => {
    byId('saved-banner').textContent = message;
  });
}

/** The list item's fields of a key result the form showed. */
function listFields(keyResult: KeyResultSummary): KeyResultListItem {
  const { lastCheckInText, previousPlans, history, milestones, ...item } = keyResult;
  void [lastCheckInText, previousPlans, history, milestones];
  return item;
}

// ---- A sidebar left open: a cycle closed meanwhile reloads the list ----

const CYCLE_CHECK_INTERVAL = 30_000;
let lastCycleCheck = Date.now();

async function checkCycle(): Promise<void> {
  const context = state.context;
  if (!context || state.saving || Date.now() - lastCycleCheck < CYCLE_CHECK_INTERVAL) return;
  lastCycleCheck = Date.now();
  let stamp: string;
  try {
    stamp = await runServer<string>('getCheckInCycle');
  } catch {
    return;
  }
  if (stamp === context.cycleStamp) return;
  const notice =
    'The cycle has changed (closed or reopened) since this sidebar opened. The list now shows the open cycle.';
  // A form being filled in is kept: the save then says what to do.
  if (detail.hidden) void load(notice);
  else {
    const banner = byId('form-error');
    banner.textContent = `${notice.split('.')[0]}. Go back to the list to see the open cycle.`;
    show(banner, true);
  }
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
search.addEventListener('input', searchSoon);
byId('show-more').addEventListener('click', () => void runSearch(state.results.length));
window.addEventListener('focus', () => void checkCycle());
byId('back').addEventListener('click', backToList);
byId('open-import').addEventListener('click', () => {
  void runServer('showImportDialog');
});
byId('cancel').addEventListener('click', backToList);
byId('retry').addEventListener('click', () => void load());

void load();
