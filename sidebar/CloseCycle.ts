/**
 * The Close cycle dialog: shows final scores per objective and key result, takes lessons learned
 * per objective and which key results to carry forward, then asks the server to close the cycle.
 * The server checks the payload again. Cell text is only ever set through textContent.
 */
import type {
  CloseCycleData,
  CloseCycleObjective,
  CloseCyclePayload,
  CloseCycleResult,
} from '../src/shared/closeCycle';
import { byId, element, replaceChildren, show } from './dom';
import { formatDate } from './format';
import { closePage, runServer } from './run';

const app = byId('app');
const form = byId<HTMLFormElement>('form');
const submit = byId<HTMLButtonElement>('submit');
let data: CloseCycleData | null = null;

/** Scores read as Google does: one decimal, coloured by band. */
function scoreChip(score: number | null): HTMLElement {
  const band =
    score === null
      ? ''
      : score >= 0.7
        ? 'okr-chip--on-track'
        : score >= 0.4
          ? 'okr-chip--at-risk'
          : 'okr-chip--off-track';
  return element('span', {
    className: `okr-chip ${band}`,
    text: score === null ? 'not scored' : score.toFixed(1),
  });
}

function objectiveCard(objective: CloseCycleObjective, index: number): HTMLElement {
  const lessonsId = `lessons-${index}`;
  const carryItems = objective.keyResults.map((keyResult, krIndex) => {
    const id = `carry-${index}-${krIndex}`;
    const box = element('input', {
      attributes: { type: 'checkbox', id, 'data-key-result': keyResult.id },
    });
    box.checked = keyResult.suggestCarry;
    return element('li', {}, [
      box,
      element('label', { text: `${keyResult.id} · ${keyResult.title}`, attributes: { for: id } }),
      scoreChip(keyResult.score),
    ]);
  });
  return element(
    'section',
    { className: 'objective-card', attributes: { 'data-objective': objective.id } },
    [
      element('div', { className: 'objective-card__head' }, [
        element('h2', {
          className: 'objective-card__title',
          text: `${objective.id} · ${objective.title}`,
        }),
        scoreChip(objective.score),
      ]),
      element('div', { className: 'okr-field' }, [
        // Each box names its objective for screen readers: six boxes all called the same are a guess.
        element('label', { className: 'okr-label', attributes: { for: lessonsId } }, [
          document.createTextNode('Lessons learned'),
          element('span', {
            className: 'okr-visually-hidden',
            text: ` for ${objective.id} · ${objective.title}`,
          }),
        ]),
        element('textarea', {
          className: 'okr-textarea',
          attributes: {
            id: lessonsId,
            rows: '2',
            'data-lessons': objective.id,
            maxlength: '49999',
          },
        }),
      ]),
      objective.keyResults.length > 0
        ? element('p', { className: 'okr-hint', text: 'Carry forward into the next cycle:' })
        : null,
      element('ul', { className: 'carry-list' }, carryItems),
    ],
  );
}

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** What closing does, in words, before anyone clicks. */
function planText(loaded: CloseCycleData): string {
  return (
    `Closing records final scores and lessons on the Archive sheet, and moves the cycle's ` +
    `${plural(loaded.movedObjectiveRows, 'Objectives row')} and ${plural(loaded.movedKeyResultRows, 'Key Results row')} ` +
    'whole (your own columns too) to the Archived Objectives and Archived Key Results sheets, so formulas see the new cycle only. ' +
    'Ticked key results are copied into the next cycle as new rows that start where they ended. ' +
    'Check-ins stay as they are, and Extensions → OKR Cadence → Reopen cycle… takes it all back.'
  );
}

function renderNotices(loaded: CloseCycleData): void {
  replaceChildren(
    byId('warning-list'),
    loaded.warnings.map((warning) => element('li', { text: warning })),
  );
  show(byId('warnings'), loaded.warnings.length > 0);
  byId('plan-text').textContent = planText(loaded);
  byId('notices-summary').textContent =
    `${plural(loaded.notices.length, 'row')} with problems will be archived as they are`;
  replaceChildren(
    byId('notice-list'),
    loaded.notices.map((notice) => element('li', { text: notice })),
  );
  show(byId('notices'), loaded.notices.length > 0);
}

function render(loaded: CloseCycleData): void {
  data = loaded;
  byId('title').textContent = `Close ${loaded.cycleName}`;
  byId('next-cycle').textContent =
    `Opens ${loaded.nextCycleName}: ${formatDate(loaded.nextCycleStart)} – ${formatDate(loaded.nextCycleEnd)}`;
  renderNotices(loaded);
  replaceChildren(
    byId('objectives'),
    loaded.objectives.length > 0
      ? loaded.objectives.map(objectiveCard)
      : [
          element('p', {
            className: 'okr-muted',
            text: 'This cycle has no objectives to archive.',
          }),
        ],
  );
  show(form, true);
}

function showError(message: string): void {
  byId('error-text').textContent = message;
  show(byId('error'), true);
}

function payload(cycleName: string): CloseCyclePayload {
  const lessons = [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-lessons]')]
    .map((area) => ({ objectiveId: area.dataset['lessons'] ?? '', lessons: area.value }))
    .filter((entry) => entry.lessons.trim() !== '');
  const carryForward = [...document.querySelectorAll<HTMLInputElement>('input[data-key-result]')]
    .filter((box) => box.checked)
    .map((box) => box.dataset['keyResult'] ?? '');
  return { cycleName, lessons, carryForward };
}

function showDone(result: CloseCycleResult): void {
  byId('done-text').textContent =
    `${result.closedCycle} is closed: ${result.archivedRows} rows archived. ` +
    `${result.nextCycleName} is open (${formatDate(result.nextCycleStart)} – ${formatDate(result.nextCycleEnd)}).`;
  replaceChildren(
    byId('carried'),
    result.carried.map(({ from, to }) =>
      element('li', { text: `${from} carried forward as ${to}` }),
    ),
  );
  show(form, false);
  show(byId('done'), true);
}

/** The confirmation step: what is about to happen, with the warnings once more. */
function askToConfirm(loaded: CloseCycleData): void {
  const { carryForward } = payload(loaded.cycleName);
  byId('confirm-title').textContent = `Close ${loaded.cycleName} now?`;
  byId('confirm-text').textContent = [
    ...loaded.warnings,
    `${plural(loaded.objectives.length, 'objective')} will be archived, ` +
      `${plural(carryForward.length, 'key result')} carried into ${loaded.nextCycleName}.`,
  ].join(' ');
  show(byId('actions'), false);
  show(byId('confirm'), true);
  byId('confirm-close').focus();
}

function closeConfirmed(loaded: CloseCycleData): void {
  const button = byId<HTMLButtonElement>('confirm-close');
  button.disabled = true;
  button.textContent = 'Closing…';
  show(byId('error'), false);
  runServer<CloseCycleResult>('closeCycle', payload(loaded.cycleName))
    .then(showDone)
    .catch((error: Error) => {
      showError(error.message);
      button.disabled = false;
      button.textContent = 'Close cycle now';
    });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (data) askToConfirm(data);
});
byId('confirm-close').addEventListener('click', () => {
  if (data) closeConfirmed(data);
});
byId('confirm-back').addEventListener('click', () => {
  show(byId('confirm'), false);
  show(byId('actions'), true);
  submit.focus();
});
byId('cancel').addEventListener('click', closePage);
byId('close').addEventListener('click', closePage);

runServer<CloseCycleData>('getCloseCycleData')
  .then(render)
  .catch((error: Error) => showError(error.message))
  .finally(() => {
    show(byId('loading'), false);
    app.setAttribute('aria-busy', 'false');
  });
