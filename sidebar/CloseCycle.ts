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
        element('label', {
          className: 'okr-label',
          text: 'Lessons learned',
          attributes: { for: lessonsId },
        }),
        element('textarea', {
          className: 'okr-textarea',
          attributes: {
            id: lessonsId,
            rows: '2',
            'data-lessons': objective.id,
            maxlength: '50000',
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

function render(loaded: CloseCycleData): void {
  data = loaded;
  byId('title').textContent = `Close ${loaded.cycleName}`;
  byId('next-cycle').textContent =
    `Opens ${loaded.nextCycleName}: ${formatDate(loaded.nextCycleStart)} – ${formatDate(loaded.nextCycleEnd)}`;
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

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!data) return;
  submit.disabled = true;
  submit.textContent = 'Closing…';
  show(byId('error'), false);
  runServer<CloseCycleResult>('closeCycle', payload(data.cycleName))
    .then(showDone)
    .catch((error: Error) => {
      showError(error.message);
      submit.disabled = false;
      submit.textContent = 'Close cycle';
    });
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
