/**
 * The preview page: a spreadsheet view of the emulated workbook with the add-on's menu, sidebars,
 * dialogs, toasts, an outbox and a triggers panel. Everything it shows comes from the preview
 * server's JSON API; text from cells and emails is set with textContent, never as HTML.
 */
import type {
  CellView,
  ChartView,
  MenuEntryView,
  PreviewState,
  SheetView,
} from '../server/apiTypes.js';

let state: PreviewState | null = null;
let activeSheet = '';
let selected = { row: 1, column: 1 };
let seenToasts = 0;
let seenAlerts = 0;
let dismissedError: string | null = null;
let lastScriptSheet = '';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

let callsInFlight = 0;

/**
 * Calls the API and shows the state it answers with; `body[data-busy]` is set meanwhile (tests wait
 * on it). With a `working` text, the top bar says what runs until it is done (menu actions take time).
 */
async function api(path: string, body?: unknown, working?: string): Promise<void> {
  callsInFlight += 1;
  document.body.dataset.busy = 'true';
  const busy = byId('busy');
  if (working) {
    byId('busy-text').textContent = working;
    busy.hidden = false;
  }
  try {
    const response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as PreviewState | { ok: false; error: string };
    if ('error' in answer && !('sheets' in answer)) {
      showMessage('Something went wrong', answer.error);
      return;
    }
    const first = state === null;
    state = answer as PreviewState;
    if (first) {
      // Toasts and alerts from before this page was opened are old news.
      seenToasts = state.toasts.length;
      seenAlerts = state.alerts.length;
    }
    render();
  } finally {
    callsInFlight -= 1;
    if (working) busy.hidden = true;
    if (callsInFlight === 0) delete document.body.dataset.busy;
  }
}

/** One date style for the whole page: "Mon, 23 Nov 2026, 09:00" in the spreadsheet's time zone. */
function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: state!.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const refresh = () => api('/api/state');

function currentSheet(): SheetView | undefined {
  return (
    state?.sheets.find((sheet) => sheet.name === activeSheet) ??
    state?.sheets.find((sheet) => !sheet.hidden)
  );
}

function render(): void {
  if (!state) return;
  // Follow the script when it activates a sheet (Sheets shows the active sheet), else keep the user's tab.
  if (
    state.activeSheet !== lastScriptSheet ||
    !state.sheets.some((sheet) => sheet.name === activeSheet)
  ) {
    activeSheet = state.activeSheet;
    lastScriptSheet = state.activeSheet;
  }
  byId('doc-name').textContent = state.spreadsheetName;
  document.title = `${state.spreadsheetName} — OKR Cadence preview`;
  const notice = byId('notice');
  notice.hidden = !state.notice;
  notice.textContent = state.notice ?? '';
  const errorBar = byId('error-bar');
  errorBar.hidden = !state.lastError || dismissedError === state.lastError;
  byId('error-text').textContent = state.lastError ?? '';
  byId('outbox-count').textContent = String(state.outbox.length);
  byId('trigger-count').textContent = String(state.triggers.length);
  byId('clock').textContent = formatWhen(state.clock);
  renderUsers();
  renderWorkbooks();
  renderMenubar();
  renderTabs();
  renderGrid();
  renderSidebar();
  renderModal();
  renderToasts();
}

/* ---------- which spreadsheet is open ---------- */

function renderWorkbooks(): void {
  const select = byId<HTMLSelectElement>('workbook-select');
  byId('workbook-switch').hidden = state!.workbooks.length < 2;
  const choices = JSON.stringify(state!.workbooks);
  if (select.dataset.choices !== choices) {
    select.dataset.choices = choices;
    select.replaceChildren(
      ...state!.workbooks.map(({ id, name }) => {
        const option = element('option', '', name);
        option.value = id;
        return option;
      }),
    );
  }
  select.value = state!.workbookId;
}

/* ---------- who you are ---------- */

const SOMEONE_ELSE = '';

function renderUsers(): void {
  const select = byId<HTMLSelectElement>('user-select');
  const choices = [...state!.users, SOMEONE_ELSE];
  if (select.dataset.choices !== JSON.stringify(choices)) {
    select.dataset.choices = JSON.stringify(choices);
    select.replaceChildren(
      ...choices.map((email) => {
        const option = element('option', '', email || 'Someone else…');
        option.value = email;
        return option;
      }),
    );
  }
  select.value = state!.user;
}

function switchUser(): void {
  const select = byId<HTMLSelectElement>('user-select');
  if (select.value !== SOMEONE_ELSE) {
    void api('/api/user', { email: select.value });
    return;
  }
  select.value = state!.user;
  const label = element('label', 'field-label', 'Email address');
  const input = element('input', 'prompt-input');
  input.type = 'email';
  input.id = 'user-email';
  label.htmlFor = input.id;
  const signIn = element('button', 'primary', 'Sign in');
  signIn.type = 'submit';
  const form = element('form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    closeModal();
    void api('/api/user', { email: input.value });
  });
  const buttons = element('div', 'buttons');
  buttons.append(signIn);
  form.append(label, input, buttons);
  openModal('panel', 'user', 'Sign in as someone else', [form], 440);
  input.focus();
}

/* ---------- menus ---------- */

const STATIC_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'];
/** The menu the bar shows, so a render while a menu is open keeps it (and the keyboard focus). */
let renderedMenu = '';

function renderMenubar(): void {
  const menuKey = JSON.stringify(state?.menu ?? null);
  if (menuKey === renderedMenu) return;
  renderedMenu = menuKey;
  const bar = byId('menubar');
  bar.replaceChildren();
  for (const name of STATIC_MENUS) bar.append(element('span', 'menu-title disabled', name));
  const extensions = element('div', 'menu');
  const title = element('button', 'menu-title', 'Extensions');
  title.type = 'button';
  title.id = 'menu-extensions';
  title.setAttribute('aria-haspopup', 'menu');
  title.setAttribute('aria-expanded', 'false');
  title.setAttribute('aria-controls', 'menu-extensions-list');
  extensions.append(title);
  const dropdown = element('div', 'dropdown');
  dropdown.id = 'menu-extensions-list';
  dropdown.setAttribute('role', 'menu');
  dropdown.setAttribute('aria-label', 'Extensions');
  if (state?.menu) {
    dropdown.append(menuRow(state.menu.title, menuList(state.menu.items, state.menu.title)));
    dropdown.firstElementChild!.id = 'menu-addon';
  } else {
    const none = menuRow('The add-on added no menu (onOpen failed?)');
    none.classList.add('disabled');
    none.setAttribute('aria-disabled', 'true');
    dropdown.append(none);
  }
  extensions.append(dropdown);
  title.addEventListener('click', (event) => {
    event.stopPropagation();
    const open = !extensions.classList.contains('open');
    closeMenus();
    if (open) openMenu(extensions, title);
    // A click from the keyboard (Enter, Space) has no pointer detail: it goes on into the menu.
    if (open && event.detail === 0) focusItem(dropdown, 0);
  });
  title.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    openMenu(extensions, title);
    focusItem(dropdown, event.key === 'ArrowDown' ? 0 : -1);
  });
  dropdown.addEventListener('keydown', menuKeys);
  bar.append(extensions, element('span', 'menu-title disabled', 'Help'));
}

/** One row of a menu: a menu item, opening `submenu` when it has one (ARIA menu pattern). */
function menuRow(caption: string, submenu?: HTMLElement): HTMLElement {
  const row = element('div', `dropdown-item${submenu ? ' has-submenu' : ''}`);
  row.setAttribute('role', 'menuitem');
  row.tabIndex = -1;
  row.append(element('span', '', caption));
  if (submenu) {
    row.setAttribute('aria-haspopup', 'menu');
    row.setAttribute('aria-expanded', 'false');
    const chevron = element('span', 'chevron', '▸');
    chevron.setAttribute('aria-hidden', 'true');
    row.append(chevron, submenu);
  }
  return row;
}

function menuList(items: MenuEntryView[], caption: string): HTMLElement {
  const list = element('div', 'dropdown submenu');
  list.setAttribute('role', 'menu');
  list.setAttribute('aria-label', caption);
  for (const item of items) {
    if (item.kind === 'separator') {
      const separator = element('div', 'separator');
      separator.setAttribute('role', 'separator');
      list.append(separator);
      continue;
    }
    if (item.kind === 'submenu') {
      list.append(menuRow(item.caption, menuList(item.items, item.caption)));
      continue;
    }
    const row = menuRow(item.caption);
    row.dataset.function = item.functionName;
    row.addEventListener('click', (event) => {
      event.stopPropagation();
      closeMenus();
      void api('/api/menu', { functionName: item.functionName }, `Running ${item.caption}`);
    });
    list.append(row);
  }
  return list;
}

function openMenu(menu: HTMLElement, title: HTMLElement): void {
  menu.classList.add('open');
  title.setAttribute('aria-expanded', 'true');
}

/** The items of one menu level, without those of its submenus. */
function itemsOf(list: Element): HTMLElement[] {
  return [...list.children].filter(
    (child): child is HTMLElement =>
      child instanceof HTMLElement && child.getAttribute('role') === 'menuitem',
  );
}

/** Focuses the item at `index` of a menu level (negative counts from the end). */
function focusItem(list: Element, index: number): void {
  const items = itemsOf(list);
  items.at(index % Math.max(1, items.length))?.focus();
}

function setSubmenu(item: HTMLElement, open: boolean): void {
  item.classList.toggle('open', open);
  item.setAttribute('aria-expanded', String(open));
  if (!open)
    item.querySelectorAll('.has-submenu.open').forEach((inner) => {
      inner.classList.remove('open');
      inner.setAttribute('aria-expanded', 'false');
    });
}

/** Arrows move within a level, Right/Enter/Space open a submenu, Left goes back, Tab leaves. */
function menuKeys(event: KeyboardEvent): void {
  const item = (event.target as HTMLElement).closest<HTMLElement>('[role="menuitem"]');
  if (!item) return;
  const list = item.parentElement!;
  const items = itemsOf(list);
  const index = items.indexOf(item);
  const submenu = item.querySelector<HTMLElement>(':scope > .submenu');
  const parentItem = list.classList.contains('submenu')
    ? list.parentElement?.closest<HTMLElement>('[role="menuitem"]')
    : null;
  switch (event.key) {
    case 'ArrowDown':
      focusItem(list, index + 1);
      break;
    case 'ArrowUp':
      focusItem(list, index - 1 + items.length);
      break;
    case 'Home':
      focusItem(list, 0);
      break;
    case 'End':
      focusItem(list, -1);
      break;
    case 'ArrowRight':
    case 'Enter':
    case ' ':
      if (submenu) {
        setSubmenu(item, true);
        focusItem(submenu, 0);
      } else if (event.key !== 'ArrowRight' && !item.classList.contains('disabled')) item.click();
      break;
    case 'ArrowLeft':
      if (!parentItem) return;
      setSubmenu(parentItem, false);
      parentItem.focus();
      break;
    case 'Tab':
      closeMenus();
      return;
    default:
      return;
  }
  event.preventDefault();
  event.stopPropagation();
}

function closeMenus(): void {
  document.querySelectorAll<HTMLElement>('.menu.open').forEach((menu) => {
    menu.classList.remove('open');
    menu.querySelector('.menu-title')?.setAttribute('aria-expanded', 'false');
    menu.querySelectorAll<HTMLElement>('.has-submenu').forEach((item) => setSubmenu(item, false));
  });
}

/* ---------- tabs ---------- */

function renderTabs(): void {
  const tabs = byId('tabs');
  tabs.replaceChildren();
  for (const sheet of state!.sheets) {
    if (sheet.hidden) continue;
    const tab = element('button', `tab${sheet.name === activeSheet ? ' active' : ''}`, sheet.name);
    tab.type = 'button';
    tab.dataset.sheet = sheet.name;
    tab.addEventListener('click', () => showTab(sheet.name));
    tabs.append(tab);
  }
}

/** Where each sheet was scrolled to, so a tab opens where it was left (as in Sheets). */
const scrollBySheet = new Map<string, { left: number; top: number }>();

function showTab(name: string): void {
  const scroller = byId('grid-scroll');
  scrollBySheet.set(activeSheet, { left: scroller.scrollLeft, top: scroller.scrollTop });
  activeSheet = name;
  selected = { row: 1, column: 1 };
  render();
  const saved = scrollBySheet.get(name) ?? { left: 0, top: 0 };
  scroller.scrollTo(saved.left, saved.top);
}

/* ---------- grid ---------- */

const ROW_HEIGHT = 22;
const ROW_HEAD_WIDTH = 46;
const HEADER_HEIGHT = 24;

function renderGrid(): void {
  const sheet = currentSheet();
  const table = byId<HTMLTableElement>('grid');
  table.replaceChildren();
  if (!sheet) return;
  table.dataset.sheet = sheet.name;
  const head = element('thead');
  const letters = element('tr');
  letters.append(element('th', 'corner'));
  for (let column = 1; column <= sheet.columnCount; column++) {
    const letter = element(
      'th',
      `column-head${column === selected.column ? ' current' : ''}`,
      columnLetters(column),
    );
    const width = `${columnWidth(sheet, column)}px`;
    letter.style.width = width;
    letter.style.minWidth = width;
    letter.style.maxWidth = width;
    letters.append(letter);
  }
  head.append(letters);
  // A fixed table layout keeps the capped column widths only when the table's width is set.
  let width = ROW_HEAD_WIDTH;
  for (let column = 1; column <= sheet.columnCount; column++) width += columnWidth(sheet, column);
  table.style.width = `${width}px`;
  const body = element('tbody');
  sheet.cells.forEach((line, index) => {
    const row = index + 1;
    const tr = element('tr');
    const frozen = row <= sheet.frozenRows;
    if (frozen) {
      tr.className = `frozen${row === sheet.frozenRows ? ' frozen-last' : ''}`;
      tr.style.setProperty('--frozen-top', `${HEADER_HEIGHT + index * ROW_HEIGHT}px`);
    }
    tr.append(element('th', `row-head${row === selected.row ? ' current' : ''}`, String(row)));
    line.forEach((cell, columnIndex) => tr.append(cellElement(cell, row, columnIndex + 1)));
    body.append(tr);
  });
  table.append(head, body);
  showSelection();
  renderCharts(sheet.charts);
}

/** Sheets keeps column widths a script sets; the emulator records none, so fit the content (capped). */
function columnWidth(sheet: SheetView, column: number): number {
  const longest = Math.max(0, ...sheet.cells.map((line) => line[column - 1]?.text.length ?? 0));
  return Math.min(260, Math.max(90, longest * 7 + 14));
}

function cellElement(cell: CellView, row: number, column: number): HTMLTableCellElement {
  const td = element(
    'td',
    `align-${cell.align}${cell.error ? ' error' : ''}${cell.bold ? ' bold' : ''}`,
  );
  td.dataset.cell = `${columnLetters(column)}${row}`;
  td.textContent = cell.text;
  if (cell.background) td.style.background = cell.background;
  if (cell.color) td.style.color = cell.color;
  if (cell.note) {
    td.title = cell.note;
    td.classList.add('has-note');
  }
  if (row === selected.row && column === selected.column) td.classList.add('selected');
  td.addEventListener('click', () => select(row, column));
  td.addEventListener('dblclick', () => startEditing(row, column, null));
  return td;
}

function cellAt(row: number, column: number): CellView | undefined {
  return currentSheet()?.cells[row - 1]?.[column - 1];
}

function select(row: number, column: number): void {
  selected = { row, column };
  document.querySelectorAll('#grid .selected').forEach((node) => node.classList.remove('selected'));
  document
    .querySelector(`#grid td[data-cell="${columnLetters(column)}${row}"]`)
    ?.classList.add('selected');
  showSelection();
}

function showSelection(): void {
  const cell = cellAt(selected.row, selected.column);
  byId('name-box').textContent = `${columnLetters(selected.column)}${selected.row}`;
  const input = byId<HTMLInputElement>('formula-input');
  if (document.activeElement === input) return;
  input.value = cell?.formula || cell?.spilledFrom?.formula || cell?.input || '';
  input.classList.toggle('spilled', !cell?.formula && Boolean(cell?.spilledFrom));
  input.title = cell?.spilledFrom && !cell.formula ? `Spilled from ${cell.spilledFrom.cell}` : '';
}

function startEditing(row: number, column: number, firstKey: string | null): void {
  const td = document.querySelector<HTMLTableCellElement>(
    `#grid td[data-cell="${columnLetters(column)}${row}"]`,
  );
  if (!td) return;
  const cell = cellAt(row, column);
  const editor = element('input', 'cell-editor');
  editor.setAttribute('aria-label', `Cell ${columnLetters(column)}${row}`);
  editor.value = firstKey ?? (cell?.formula || cell?.input || '');
  td.replaceChildren(editor);
  editor.focus();
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    if (commit) void writeCell(row, column, editor.value);
    else render();
  };
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      finish(true);
      selected = { row: row + 1, column };
    }
    if (event.key === 'Escape') finish(false);
    // The grid keeps the keyboard after Enter or Escape, as in Sheets.
    if (event.key === 'Enter' || event.key === 'Escape') byId('grid-scroll').focus();
    event.stopPropagation();
  });
  editor.addEventListener('blur', () => finish(true));
}

function writeCell(row: number, column: number, input: string): Promise<void> {
  return api('/api/cell', { sheet: activeSheet, row, column, input });
}

/** Charts float over the grid at their anchor cell, as in Sheets. */
function renderCharts(charts: ChartView[]): void {
  const holder = byId('charts');
  holder.replaceChildren();
  for (const chart of charts) {
    const card = barChart(chart);
    const anchor = document.querySelector<HTMLElement>(
      `#grid td[data-cell="${columnLetters(chart.anchorColumn)}${chart.anchorRow}"]`,
    );
    card.style.left = `${anchor ? anchor.offsetLeft : byId('grid').offsetWidth + 16}px`;
    card.style.top = `${anchor ? anchor.offsetTop : 0}px`;
    holder.append(card);
  }
}

/** A plain SVG bar chart of the chart's first range: one group per label, one bar per series. */
function barChart(chart: ChartView): HTMLElement {
  const card = element('figure', 'chart');
  card.append(element('figcaption', '', chart.title || 'Chart'));
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const width = 520;
  const height = 220;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const colours = ['#4285f4', '#fbbc04', '#34a853', '#ea4335'];
  const max = Math.max(1, ...chart.series.flatMap((series) => series.values));
  const group = (width - 40) / Math.max(1, chart.labels.length);
  const bar = (group - 12) / Math.max(1, chart.series.length);
  chart.labels.forEach((label, index) => {
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? 0;
      const barHeight = (value / max) * (height - 50);
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('x', String(30 + index * group + seriesIndex * bar));
      rect.setAttribute('y', String(height - 30 - barHeight));
      rect.setAttribute('width', String(Math.max(2, bar - 2)));
      rect.setAttribute('height', String(barHeight));
      rect.setAttribute('fill', colours[seriesIndex % colours.length]!);
      svg.append(rect);
    });
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', String(30 + index * group + group / 2 - 6));
    text.setAttribute('y', String(height - 12));
    text.setAttribute('text-anchor', 'middle');
    text.textContent = label;
    svg.append(text);
  });
  card.append(svg);
  const legend = element('div', 'legend');
  chart.series.forEach((series, index) => {
    const key = element('span', 'legend-key', series.name);
    key.style.setProperty('--key', colours[index % colours.length]!);
    legend.append(key);
  });
  card.append(legend);
  return card;
}

/* ---------- sidebar, dialogs, questions ---------- */

function renderSidebar(): void {
  const aside = byId('sidebar');
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  const sidebar = state!.sidebar;
  aside.hidden = !sidebar;
  if (!sidebar) {
    frame.removeAttribute('src');
    frame.dataset.url = '';
    return;
  }
  byId('sidebar-title').textContent = sidebar.title;
  if (frame.dataset.url !== sidebar.url) {
    frame.dataset.url = sidebar.url;
    frame.src = sidebar.url;
  }
}

type ModalKind = 'dialog' | 'question' | 'alert' | 'panel' | null;
let modalKind: ModalKind = null;
let modalKey = '';

function openModal(
  kind: ModalKind,
  key: string,
  title: string,
  body: HTMLElement[],
  width = 480,
): void {
  if (modalKind === kind && modalKey === key) return;
  modalKind = kind;
  modalKey = key;
  byId('overlay').hidden = false;
  byId('modal').style.width = `${width}px`;
  byId('modal').dataset.kind = kind ?? '';
  byId('modal-title').textContent = title;
  byId('modal-body').replaceChildren(...body);
  const modal = byId('modal');
  if (!modal.contains(document.activeElement)) focusBeforeModal = document.activeElement;
  focusModal(modal);
}

/** Where the focus was before a dialog opened: it goes back there when the dialog closes. */
let focusBeforeModal: Element | null = null;

/** A dialog takes the focus as it opens: its page, else its first field or button. */
function focusModal(modal: HTMLElement): void {
  const frame = modal.querySelector<HTMLIFrameElement>('iframe.dialog-frame');
  if (frame) {
    frame.focus();
    frame.addEventListener('load', () => frame.focus(), { once: true });
    return;
  }
  const first = byId('modal-body').querySelector<HTMLElement>('input, select, textarea, button');
  (first ?? modal).focus();
}

function closeModal(): void {
  const hadFocus = byId('modal').contains(document.activeElement);
  modalKind = null;
  modalKey = '';
  byId('overlay').hidden = true;
  byId('modal-body').replaceChildren();
  const back = focusBeforeModal;
  focusBeforeModal = null;
  if (!hadFocus && document.activeElement !== document.body) return;
  const returnTo =
    back instanceof HTMLElement && back !== document.body && back.checkVisibility()
      ? back
      : byId('grid-scroll');
  returnTo.focus();
}

function renderModal(): void {
  const current = state!;
  if (current.question) {
    const question = current.question;
    const body: HTMLElement[] = [element('p', 'question-text', question.prompt)];
    const input = element('input', 'prompt-input');
    if (question.kind === 'prompt') body.push(input);
    const buttons = element('div', 'buttons');
    for (const button of question.buttons) {
      const choice = element(
        'button',
        button === 'OK' || button === 'YES' ? 'primary' : '',
        button.charAt(0) + button.slice(1).toLowerCase(),
      );
      choice.type = 'button';
      choice.dataset.button = button;
      choice.addEventListener('click', () => {
        closeModal();
        void api('/api/answer', { button, text: input.value });
      });
      buttons.append(choice);
    }
    body.push(buttons);
    openModal('question', JSON.stringify(question), question.title || 'OKR Cadence', body, 440);
    return;
  }
  if (current.alerts.length > seenAlerts) {
    const alert = current.alerts[seenAlerts]!;
    const ok = element('button', 'primary', 'OK');
    ok.type = 'button';
    ok.addEventListener('click', () => {
      seenAlerts += 1;
      closeModal();
      render();
    });
    const buttons = element('div', 'buttons');
    buttons.append(ok);
    openModal(
      'alert',
      String(seenAlerts),
      alert.title || 'OKR Cadence',
      [element('p', 'question-text', alert.prompt), buttons],
      440,
    );
    return;
  }
  if (current.alerts.length < seenAlerts) seenAlerts = current.alerts.length;
  if (current.dialog) {
    const dialog = current.dialog;
    const frame = element('iframe', 'dialog-frame');
    frame.src = dialog.url;
    frame.title = dialog.title;
    frame.style.height = `${dialog.height}px`;
    openModal('dialog', dialog.url, dialog.title, [frame], dialog.width + 32);
    return;
  }
  if (modalKind === 'dialog' || modalKind === 'question') closeModal();
}

function showMessage(title: string, message: string): void {
  const ok = element('button', 'primary', 'OK');
  ok.type = 'button';
  ok.addEventListener('click', closeModal);
  const buttons = element('div', 'buttons');
  buttons.append(ok);
  openModal(
    'alert',
    `${title}:${message}`,
    title,
    [element('p', 'question-text', message), buttons],
    440,
  );
}

/* ---------- toasts ---------- */

function renderToasts(): void {
  const holder = byId('toasts');
  const toasts = state!.toasts;
  if (toasts.length < seenToasts) seenToasts = 0;
  for (const toast of toasts.slice(seenToasts)) {
    const card = element('div', 'toast');
    if (toast.title) card.append(element('strong', '', toast.title));
    card.append(element('span', '', toast.message));
    holder.append(card);
    setTimeout(() => card.remove(), 6000);
  }
  seenToasts = toasts.length;
}

/* ---------- outbox and triggers ---------- */

function showOutbox(): void {
  const emails = state!.outbox;
  const list = element('div', 'panel-list');
  if (emails.length === 0)
    list.append(
      element(
        'p',
        'empty',
        'No email sent yet. Run Reminders ▸ Send reminders now, or move the clock to a check-in day and run the due triggers.',
      ),
    );
  const preview = element('iframe', 'email-frame');
  preview.setAttribute('sandbox', '');
  preview.title = 'The selected email';
  preview.hidden = emails.length === 0;
  emails.forEach((email, index) => {
    const row = element('button', 'panel-row email-row');
    row.type = 'button';
    row.append(
      element('span', 'email-to', email.to),
      element('span', 'email-subject', email.subject),
      element('span', 'email-at', formatWhen(email.at)),
    );
    row.addEventListener('click', () => {
      list.querySelectorAll('.email-row').forEach((node) => node.classList.remove('current'));
      row.classList.add('current');
      preview.srcdoc =
        email.htmlBody ||
        `<pre>${email.body.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`;
    });
    if (index === emails.length - 1) queueMicrotask(() => row.click());
    list.append(row);
  });
  openModal(
    'panel',
    `outbox:${emails.length}`,
    `Outbox — ${emails.length} email${emails.length === 1 ? '' : 's'} sent`,
    [list, preview],
    1080,
  );
}

function showTriggers(): void {
  const current = state!;
  const list = element('div', 'panel-list');
  if (current.triggers.length === 0)
    list.append(
      element(
        'p',
        'empty',
        'No triggers installed. Reminders ▸ Turn on weekly reminders installs one.',
      ),
    );
  for (const trigger of current.triggers) {
    const row = element('div', 'panel-row');
    row.append(
      element('span', 'trigger-name', trigger.handlerFunction),
      element('span', 'trigger-what', trigger.description),
    );
    const next = trigger.nextRun ? formatWhen(trigger.nextRun) : '';
    row.append(element('span', 'trigger-next', next ? `next: ${next}` : ''));
    const run = element('button', 'small', 'Run now');
    run.type = 'button';
    run.dataset.trigger = trigger.id;
    run.addEventListener('click', () => {
      closeModal();
      void api('/api/triggers/run', { id: trigger.id }, `Running ${trigger.handlerFunction}`);
    });
    row.append(run);
    list.append(row);
  }
  const clock = element('div', 'clock-form');
  const date = element('input');
  date.type = 'datetime-local';
  date.id = 'clock-input';
  date.value = current.clockWallTime;
  const move = element('button', 'primary', 'Move clock and run due triggers');
  move.type = 'button';
  move.addEventListener('click', () => {
    closeModal();
    void api(
      '/api/clock',
      { to: date.value, runDueTriggers: true },
      'Moving the clock and running due triggers',
    );
  });
  const label = element('label', '', `Move the clock to (${current.timeZone})`);
  label.htmlFor = date.id;
  clock.append(label, date, move);
  openModal(
    'panel',
    `triggers:${current.triggers.length}:${current.clock}`,
    'Triggers and clock',
    [list, clock],
    640,
  );
}

/** Closes the dialog, question, alert or panel on top, as its ✕ does. */
function dismissModal(): void {
  if (modalKind === 'dialog') void api('/api/ui/close', { kind: 'dialog' });
  if (modalKind === 'question') void api('/api/answer', { button: 'CLOSE', text: '' });
  if (modalKind === 'alert') seenAlerts += 1;
  closeModal();
  if (modalKind === null) render();
}

/* ---------- wiring ---------- */

function wire(): void {
  document.addEventListener('click', closeMenus);
  byId('user-select').addEventListener('change', switchUser);
  byId('workbook-select').addEventListener('change', () => {
    void api('/api/workbook', { id: byId<HTMLSelectElement>('workbook-select').value });
  });
  byId('open-outbox').addEventListener('click', showOutbox);
  byId('open-triggers').addEventListener('click', showTriggers);
  byId('modal-close').addEventListener('click', dismissModal);
  byId('error-close').addEventListener('click', () => {
    dismissedError = state?.lastError ?? null;
    byId('error-bar').hidden = true;
  });
  byId('sidebar-close').addEventListener(
    'click',
    () => void api('/api/ui/close', { kind: 'sidebar' }),
  );
  const formula = byId<HTMLInputElement>('formula-input');
  formula.addEventListener('input', () => formula.classList.remove('spilled'));
  formula.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      formula.blur();
      // An untouched spilled cell shows its array formula greyed; Enter keeps it a spilled cell.
      const spilled = cellAt(selected.row, selected.column)?.spilledFrom;
      if (!(spilled && formula.value === spilled.formula))
        void writeCell(selected.row, selected.column, formula.value);
    }
    if (event.key === 'Escape') {
      formula.blur();
      showSelection();
    }
  });
  document.addEventListener('keydown', (event) => {
    // The grid takes keys when it (or nothing) has the focus; Tab always moves the focus on.
    const focused = document.activeElement;
    if (!(focused === document.body || focused === byId('grid-scroll')) || !state || modalKind)
      return;
    const sheet = currentSheet();
    if (!sheet) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(
        Math.min(sheet.rowCount, Math.max(1, selected.row + move[0])),
        Math.min(sheet.columnCount, Math.max(1, selected.column + move[1])),
      );
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEditing(selected.row, selected.column, null);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      void writeCell(selected.row, selected.column, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      startEditing(selected.row, selected.column, event.key);
    }
  });
  window.addEventListener('message', (event: MessageEvent<{ source?: string; type?: string }>) => {
    if (event.data?.source !== 'okr-preview') return;
    if (event.data.type === 'escape') {
      if (modalKind === 'dialog') dismissModal();
      return;
    }
    void refresh();
  });
  // Escape closes the open menu, else the dialog or panel on top, as in Sheets.
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      if (document.querySelector('.menu.open')) {
        closeMenus();
        byId('menu-extensions').focus();
      } else if (modalKind) dismissModal();
      else return;
      event.preventDefault();
      event.stopPropagation();
    },
    true,
  );
}

wire();
void refresh();
