/**
 * The JSON the preview server's API answers with; the page (preview/web) reads the same types.
 */

export interface CellView {
  /** The displayed value under the cell's number format. */
  text: string;
  /** The formula as typed (=...), or '' for a value or an empty cell. */
  formula: string;
  /** The value as typed, for editing: ISO date text for dates, otherwise the value itself. */
  input: string;
  /** The cell's number format ('' when none), e.g. '0%' or 'yyyy-mm-dd'. */
  numberFormat: string;
  align: 'left' | 'right' | 'center';
  background: string | null;
  color: string | null;
  bold: boolean;
  /** A cell note, or why a formula shows an error. */
  note: string | null;
  error: boolean;
  /** For a value spilled by an array formula: the formula cell's A1 and formula. */
  spilledFrom: { cell: string; formula: string } | null;
}

export interface ChartView {
  id: number;
  title: string;
  chartType: string;
  anchorRow: number;
  anchorColumn: number;
  /** First column of the first range: category labels; the other columns: series. */
  labels: string[];
  series: { name: string; values: number[] }[];
}

export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  /** Rows and columns sent (the grid's content plus some empty margin). */
  rowCount: number;
  columnCount: number;
  cells: CellView[][];
  charts: ChartView[];
}

export interface MenuEntryView {
  kind: 'item' | 'separator' | 'submenu';
  caption: string;
  functionName: string;
  items: MenuEntryView[];
}

export interface PageView {
  title: string;
  /** URL of the page with the google.script.run shim injected. */
  url: string;
  width: number;
  height: number;
}

export interface QuestionView {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** Button names as Apps Script spells them: OK, CANCEL, YES, NO, CLOSE. */
  buttons: string[];
}

export interface EmailView {
  to: string;
  cc: string;
  subject: string;
  htmlBody: string;
  body: string;
  at: string;
}

export interface TriggerView {
  id: string;
  handlerFunction: string;
  description: string;
  nextRun: string | null;
}

export interface ToastView {
  title: string;
  message: string;
  at: string;
}

export interface PreviewState {
  spreadsheetName: string;
  /** The open spreadsheet's id, and every spreadsheet one can switch to (POST /api/workbook). */
  workbookId: string;
  workbooks: { id: string; name: string }[];
  /** Who runs the scripts (Session.getActiveUser), switchable with POST /api/user. */
  user: string;
  /** The users one can switch to: the current one, then the owners of key results. */
  users: string[];
  activeSheet: string;
  /** Shown above the grid, e.g. when the example OKRs could not be loaded. */
  notice: string | null;
  sheets: SheetView[];
  menu: { title: string; items: MenuEntryView[] } | null;
  sidebar: PageView | null;
  dialog: PageView | null;
  question: QuestionView | null;
  toasts: ToastView[];
  /** Messages of alerts already shown by the last action (Ui.alert returned straight away). */
  alerts: { title: string; prompt: string }[];
  outbox: EmailView[];
  triggers: TriggerView[];
  clock: string;
  /** The clock as the open spreadsheet's wall clock reads it, `2026-11-23T09:00` (no zone). */
  clockWallTime: string;
  /** The open spreadsheet's time zone. */
  timeZone: string;
  /** The last action's error, for the page to show. */
  lastError: string | null;
}

export interface ApiError {
  ok: false;
  error: string;
}
