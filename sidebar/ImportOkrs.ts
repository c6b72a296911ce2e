/**
 * The Import OKRs dialog: choose sheets, check the proposed column mapping (and change it), give
 * owners' emails, pick the cycle, see the rows that will be written, then import (or undo). The
 * server checks the payload again. Cell text is only ever set through textContent.
 */
import type {
  ImportCell,
  ImportPayload,
  ImportPreview,
  ImportResult,
  ImportSources,
} from '../src/shared/import';
import { byId, element, replaceChildren, show } from './dom';
import { closePage, runServer } from './run';

const app = byId('app');
const choose = byId<HTMLFormElement>('choose');
const review = byId<HTMLFormElement>('review');
let sources: ImportSources | null = null;
let preview: ImportPreview | null = null;
/** The user's corrections, per sheet: field → column (null = left out). */
let overrides: ImportPayload['overrides'] = {};
const ownerEmails: Record<string, string> = {};

const ROLE_TEXT: Record<string, string> = {
  okrs: 'objectives and key results',
  objectives: 'objectives',
  keyResults: 'key results',
  updates: 'updates, imported as check-ins',
  ignored: 'nothing the import can use',
};

function busy(text: string | null): void {
  byId('loading-text').textContent = text ?? '';
  show(byId('loading'), text !== null);
  app.setAttribute('aria-busy', String(text !== null));
}

function showError(message: string | null): void {
  byId('error-text').textContent = message ?? '';
  show(byId('error'), message !== null);
}

function chosenSheets(): string[] {
  return [...document.querySelectorAll<HTMLInputElement>('input[data-sheet]')]
    .filter((box) => box.checked)
    .map((box) => box.dataset['sheet'] ?? '');
}

function payload(): ImportPayload {
  const cycle = byId<HTMLSelectElement>('cycle').value;
  return {
    sheets: chosenSheets(),
    overrides,
    ownerEmails,
    cycle: preview && cycle ? cycle : null,
  };
}

function renderSources(loaded: ImportSources): void {
  sources = loaded;
  replaceChildren(
    byId('sheets'),
    loaded.sheets.map((sheet, index) => {
      const box = element('input', {
        attributes: { type: 'checkbox', id: `sheet-${index}`, 'data-sheet': sheet.name },
      });
      box.checked = sheet.looksLikeOkrs;
      return element('label', { attributes: { for: `sheet-${index}` } }, [
        box,
        element('span', { text: sheet.name }),
        element('span', {
          className: 'okr-muted',
          text: `${sheet.rows} rows${sheet.looksLikeOkrs ? ' · looks like OKRs' : ''}`,
        }),
      ]);
    }),
  );
  byId('undo-text').textContent = loaded.lastImport ? `Last import: ${loaded.lastImport}` : '';
  show(byId('undo-banner'), loaded.lastImport !== null);
  show(choose, true);
}

/** One select per column of a sheet: the field it maps to, or "not imported". */
function mappingEditor(layout: ImportPreview['layouts'][number], sheetIndex: number): HTMLElement {
  const fieldOfColumn = new Map(
    Object.entries(layout.mapping).map(([field, column]) => [column, field]),
  );
  const selects = layout.header.map((header, column) => {
    const id = `map-${sheetIndex}-${column}`;
    const select = element('select', {
      className: 'okr-input',
      attributes: { id, 'data-sheet': layout.sheet, 'data-column': String(column) },
    });
    select.append(element('option', { text: 'Not imported', attributes: { value: '' } }));
    for (const { field, label } of sources?.fields ?? []) {
      select.append(element('option', { text: label, attributes: { value: field } }));
    }
    select.value = fieldOfColumn.get(column) ?? '';
    select.addEventListener('change', () => changeMapping(layout, column, select.value));
    return element('div', { className: 'okr-field' }, [
      element('label', {
        className: 'okr-label',
        text: header || `Column ${column + 1}`,
        attributes: { for: id },
      }),
      select,
    ]);
  });
  return element('section', {}, [
    element('h3', {
      className: 'okr-label',
      text: `${layout.sheet}: ${ROLE_TEXT[layout.role] ?? layout.role}`,
    }),
    element('div', { className: 'import__mapping' }, selects),
  ]);
}

function changeMapping(
  layout: ImportPreview['layouts'][number],
  column: number,
  field: string,
): void {
  const sheet = (overrides[layout.sheet] = { ...(overrides[layout.sheet] ?? {}) });
  // The field this column had is left out, unless another column is given it.
  for (const [mapped, index] of Object.entries(layout.mapping)) {
    if (index === column && mapped !== field) sheet[mapped] = null;
  }
  if (field) sheet[field] = column;
}

function cellText(cell: ImportCell): string {
  return cell === null ? '' : String(cell);
}

function previewTable(table: ImportPreview['tables'][number]): HTMLElement {
  const [header = [], ...rows] = table.rows;
  return element('section', {}, [
    element('h3', {
      className: 'okr-label',
      text: `${table.name}: ${rows.length + table.more} rows${table.more > 0 ? ` (first ${rows.length} shown)` : ''}`,
    }),
    element(
      'div',
      {
        className: 'import__scroll',
        attributes: { tabindex: '0', role: 'region', 'aria-label': `${table.name} preview` },
      },
      [
        element('table', { className: 'import__table' }, [
          element('thead', {}, [
            element(
              'tr',
              {},
              header.map((cell) =>
                element('th', { text: cellText(cell), attributes: { scope: 'col' } }),
              ),
            ),
          ]),
          element(
            'tbody',
            {},
            rows.map((row) =>
              element(
                'tr',
                {},
                row.map((cell) => element('td', { text: cellText(cell) })),
              ),
            ),
          ),
        ]),
      ],
    ),
  ]);
}

function ownerRow(owner: ImportPreview['owners'][number], index: number): HTMLElement {
  const id = `owner-${index}`;
  const input = element('input', {
    className: 'okr-input',
    attributes: {
      id,
      type: 'email',
      placeholder: 'name@example.com',
      'aria-label': `Email for ${owner.owner}`,
    },
  });
  input.value = ownerEmails[owner.owner] ?? owner.email ?? '';
  ownerEmails[owner.owner] = input.value;
  input.addEventListener('change', () => {
    ownerEmails[owner.owner] = input.value.trim();
  });
  return element('tr', {}, [
    element('td', {}, [element('label', { text: owner.owner, attributes: { for: id } })]),
    element('td', { text: String(owner.rows) }),
    element('td', {}, [input]),
  ]);
}

function renderPreview(loaded: ImportPreview): void {
  preview = loaded;
  const { counts } = loaded;
  byId('summary').textContent =
    `${counts.objectives} objectives, ${counts.keyResults} key results and ${counts.checkIns} check-ins will be imported` +
    (loaded.cycle ? ` into ${loaded.cycle}` : '') +
    (counts.archivedObjectives > 0
      ? `; ${counts.archivedObjectives} objectives of other periods as closed cycles.`
      : '.');
  replaceChildren(
    byId('renames'),
    loaded.renames.map((rename) =>
      element('li', {
        text: `Your sheet "${rename.from}" will be renamed "${rename.to}" (its cells stay as they are), so that ours can take its name.`,
      }),
    ),
  );
  replaceChildren(byId('mappings'), loaded.layouts.map(mappingEditor));
  const cycle = byId<HTMLSelectElement>('cycle');
  replaceChildren(
    cycle,
    loaded.cycles.map((name) => element('option', { text: name, attributes: { value: name } })),
  );
  cycle.value = loaded.cycle ?? '';
  replaceChildren(byId('owners'), loaded.owners.map(ownerRow));
  show(byId('owners-table'), loaded.owners.length > 0);
  replaceChildren(byId('tables'), loaded.tables.map(previewTable));
  replaceChildren(
    byId('problems'),
    loaded.problems.map((problem) => element('li', { text: problem })),
  );
  show(byId('problems-title'), loaded.problems.length > 0);
  show(choose, false);
  show(review, true);
  byId('review-title').focus();
}

function loadPreview(): void {
  if (chosenSheets().length === 0) {
    showError('Choose at least one sheet to import from.');
    return;
  }
  showError(null);
  busy('Reading the chosen sheets…');
  runServer<ImportPreview>('previewImport', payload())
    .then(renderPreview)
    .catch((error: Error) => showError(error.message))
    .finally(() => busy(null));
}

function showDone(result: ImportResult): void {
  if (!result.ok) {
    showError(result.message);
    return;
  }
  byId('done-text').textContent = result.message;
  show(review, false);
  show(byId('done'), true);
  byId('done-title').focus();
}

function undo(): void {
  busy('Undoing the last import…');
  runServer<ImportResult>('undoLastImport')
    .then((result) => {
      if (!result.ok) return showError(result.message);
      showError(null);
      byId('done-text').textContent = result.message;
      show(byId('undo-banner'), false);
      show(byId('undo-done'), false);
      show(byId('done'), true);
      show(choose, false);
      show(review, false);
    })
    .catch((error: Error) => showError(error.message))
    .finally(() => busy(null));
}

choose.addEventListener('submit', (event) => {
  event.preventDefault();
  overrides = {};
  loadPreview();
});
byId('refresh').addEventListener('click', loadPreview);
byId('back').addEventListener('click', () => {
  show(review, false);
  show(choose, true);
});
review.addEventListener('submit', (event) => {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('import');
  button.disabled = true;
  showError(null);
  busy('Importing…');
  runServer<ImportResult>('runImport', payload())
    .then(showDone)
    .catch((error: Error) => showError(error.message))
    .finally(() => {
      button.disabled = false;
      busy(null);
    });
});
byId('undo').addEventListener('click', undo);
byId('undo-done').addEventListener('click', undo);
byId('cancel').addEventListener('click', closePage);
byId('close').addEventListener('click', closePage);

runServer<ImportSources>('getImportSources')
  .then(renderSources)
  .catch((error: Error) => showError(error.message))
  .finally(() => busy(null));
