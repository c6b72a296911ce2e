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
  type KeyResultSummary,
  type SaveCheckInResult,
} from '../src/shared/checkIn';
import { byId, element, replaceChildren, show } from './dom';
import { clearErrors, showErrors } from './fieldErrors';
import { describeRange, formatMeasured } from './format';
import { confidenceTone, history, lastCheckIn, progressBar, statusChip } from './keyResultCard';
import { runServer, ServerCallError } from './run';
import { enteredValue, tickedMilestones, valueField } from './valueField';

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
  const importable = context.importableSheets;
  show(byId('import-hint'), importable.length > 0);
  byId('import-hint-text').textContent =
    `No key results yet, but your sheets ${importable.map((name) => `"${name}"`).join(', ')} look like OKRs. Import them to check in here (your sheets stay as they are).`;
  show(byId('empty-state'), mine.length === 0 && importable.length === 0);
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
  confidenceText.className = `kr-card__figure confidence-tone--${confidenceTone(keyResult.confidence)}`;
  byId('kr-status').replaceWith(Object.assign(statusChip(keyResult), { id: 'kr-status' }));
  replaceChildren(byId('kr-progress'), [progressBar(keyResult, false)]);
  const problem = byId('kr-problem');
  problem.textContent = keyResult.problem;
  show(problem, keyResult.problem !== '');
  replaceChildren(byId('kr-last'), lastCheckIn(keyResult));
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
  else showErrors(form, result.errors);
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
byId('open-import').addEventListener('click', () => {
  void runServer('showImportDialog');
});
byId('cancel').addEventListener('click', backToList);
byId('retry').addEventListener('click', () => void load());

void load();
