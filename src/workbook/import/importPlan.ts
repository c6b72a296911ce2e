/**
 * The import plan: a user's OKR sheets (2-D arrays) turned into rows for our Objectives, Key
 * Results and Check-ins tables, without writing anything. Combined sheets are split (IDs made
 * where missing; key results linked by repeated objective text, title rows above blocks, a Type
 * column with parent text such as "(Objective Id: 12)", or an objective ID column); owners become
 * emails through the user's mapping; rows outside the chosen cycle keep their own cycle name.
 */
import { idKey, isBlankCell, isErrorCell, readDate, readNumber, readText } from '../cells';
import type { RowProblem } from '../problems';
import { headerKey } from '../headers';
import type { ImportField } from './importFields';
import {
  readLayout,
  rowLevel,
  type MappingOverrides,
  type SheetLayout,
  type SourceSheet,
} from './importLayout';
import {
  confidenceOfWord,
  isEmail,
  ownerKey,
  ownerTokens,
  periodCovers,
  readConfidence,
  readPeriod,
  readScore,
  updateDay,
  type Period,
} from './importValues';

export interface ImportOptions {
  /** Per sheet name: the user's corrections to the proposed column mapping. */
  overrides?: Readonly<Record<string, MappingOverrides>>;
  /** Owner as written (folded with ownerKey) → the email the user confirmed. */
  ownerEmails?: Readonly<Record<string, string>>;
  /** The cycle to import as the open one ("2026 Q1"); default the latest period found. */
  cycle?: string;
  /** IDs already in our tables, which imported rows must not repeat. */
  existingObjectiveIds?: readonly string[];
  existingKeyResultIds?: readonly string[];
}

/** An owner as the sheets write it, with the email it becomes (null until the user gives one). */
export interface OwnerProposal {
  owner: string;
  key: string;
  email: string | null;
  /** Rows naming this owner. */
  rows: number;
}

export type ImportRecord = Record<string, unknown>;

export interface ImportPlan {
  layouts: SheetLayout[];
  /** Every period found, latest first, and the one imported as the open cycle. */
  cycles: string[];
  cycle: string | null;
  objectives: ImportRecord[];
  keyResults: ImportRecord[];
  checkIns: ImportRecord[];
  /** Objectives and key results of other cycles: imported with their own cycle name. */
  archived: { objectives: number; keyResults: number };
  owners: OwnerProposal[];
  /** Rows the import leaves out or reads with a guess, each saying why and how to fix it. */
  problems: RowProblem[];
}

interface ObjectiveDraft {
  sourceId: string;
  title: string;
  ownerCell: unknown;
  team: string;
  period: Period | null;
  parentText: string;
  notes: string;
  keyResults: KeyResultDraft[];
  id: string;
}

interface KeyResultDraft {
  sheet: string;
  row: number;
  sourceId: string;
  title: string;
  objective: ObjectiveDraft;
  cells: Partial<Record<ImportField, unknown>>;
  id: string;
  record: ImportRecord;
}

interface UpdateDraft {
  sheet: string;
  row: number;
  cells: Partial<Record<ImportField, unknown>>;
  period: Period | null;
}

const text = (cell: unknown): string => {
  const read = readText(cell);
  return read.ok && read.value !== null ? read.value : '';
};

/** A number as teams type it: "$1,200", "1 200 €", "45%" (→ 0.45), "12k" stays unread. */
function lenientNumber(cell: unknown): number | null {
  const direct = readNumber(cell);
  if (direct.ok) return direct.value;
  const stripped = String(cell).replace(/[$€£¥\s]/g, '');
  const again = readNumber(stripped);
  return again.ok ? again.value : null;
}

function dateOrBlank(cell: unknown): Date | '' {
  const read = readDate(cell);
  return read.ok && read.value !== null ? read.value : '';
}

/** The title of an objective row written above its key results: "Objective 2: Grow" → "Grow". */
function objectiveTitle(cell: string): string {
  return cell.replace(/^\s*(?:objective|obj|o)\s*\d*\s*[:.)–—-]\s*/i, '').trim();
}

/** "Grow revenue (Objective Id: 1042)" → { id: "1042", title: "Grow revenue" }. */
function parentReference(parent: string): { id: string; title: string } {
  const match = /\(?[^()]*\bid\s*[:#]?\s*([\w.-]+)\s*\)?\s*$/i.exec(parent);
  if (!match) return { id: '', title: parent.trim() };
  return { id: match[1]!, title: parent.slice(0, match.index).trim() };
}

const KEY_RESULT_TYPE_WORDS: Record<string, string> = {
  increase: 'increase',
  increasefrom: 'increase',
  reach: 'increase',
  grow: 'increase',
  decrease: 'decrease',
  decreasefrom: 'decrease',
  reduce: 'decrease',
  percentage: 'percentage',
  percent: 'percentage',
  milestone: 'milestone',
  task: 'task',
  binary: 'binary',
  achievedornot: 'binary',
  yesno: 'binary',
  stayabove: 'at least',
  atleast: 'at least',
  staybelow: 'at most',
  atmost: 'at most',
  baseline: 'baseline',
};

class Collector {
  readonly problems: RowProblem[] = [];
  readonly objectives: ObjectiveDraft[] = [];
  readonly keyResults: KeyResultDraft[] = [];
  readonly updates: UpdateDraft[] = [];
  private readonly objectiveByKey = new Map<string, ObjectiveDraft>();

  problem(sheet: string, row: number, column: string, message: string): void {
    this.problems.push({ sheet, row, column, message });
  }

  /** The objective with this ID, or else this title in this period, made on first sight. */
  objective(fields: Omit<ObjectiveDraft, 'keyResults' | 'id'>): ObjectiveDraft {
    const byId = fields.sourceId ? `id:${idKey(fields.sourceId)}` : '';
    const byTitle = `title:${headerKey(fields.title)}|${fields.period?.label ?? ''}`;
    const found =
      (byId && this.objectiveByKey.get(byId)) ||
      (!byId && (this.objectiveByKey.get(byTitle) ?? this.samePeriodless(fields)));
    if (found) {
      found.period ??= fields.period;
      if (!this.objectiveByKey.has(byTitle)) this.objectiveByKey.set(byTitle, found);
      found.ownerCell = isBlankCell(found.ownerCell) ? fields.ownerCell : found.ownerCell;
      found.team ||= fields.team;
      found.parentText ||= fields.parentText;
      found.notes ||= fields.notes;
      return found;
    }
    const draft: ObjectiveDraft = { ...fields, keyResults: [], id: '' };
    this.objectives.push(draft);
    if (byId) this.objectiveByKey.set(byId, draft);
    if (!this.objectiveByKey.has(byTitle)) this.objectiveByKey.set(byTitle, draft);
    return draft;
  }

  /** An objective of the same title where one of the two has no period (a summary tab, say). */
  private samePeriodless(
    fields: Omit<ObjectiveDraft, 'keyResults' | 'id'>,
  ): ObjectiveDraft | undefined {
    const title = headerKey(fields.title);
    return this.objectives.find(
      (objective) =>
        headerKey(objective.title) === title &&
        (objective.period === null || fields.period === null),
    );
  }

  /** An objective named by ID or by title (any period), or undefined. */
  findObjective(reference: string): ObjectiveDraft | undefined {
    const byId = this.objectiveByKey.get(`id:${idKey(reference)}`);
    if (byId) return byId;
    const title = headerKey(objectiveTitle(reference));
    return this.objectives.find((objective) => headerKey(objective.title) === title);
  }

  keyResult(
    sheet: string,
    row: number,
    title: string,
    objective: ObjectiveDraft,
    cells: Partial<Record<ImportField, unknown>>,
  ): void {
    const keyResult: KeyResultDraft = {
      sheet,
      row,
      sourceId: text(cells.id),
      title,
      objective,
      cells,
      id: '',
      record: {},
    };
    this.keyResults.push(keyResult);
    objective.keyResults.push(keyResult);
  }
}

function cellsOf(
  layout: SheetLayout,
  row: readonly unknown[],
): Partial<Record<ImportField, unknown>> {
  const cells: Partial<Record<ImportField, unknown>> = {};
  for (const [field, index] of Object.entries(layout.mapping) as [ImportField, number][]) {
    cells[field] = row[index];
  }
  return cells;
}

function rowPeriod(
  layout: SheetLayout,
  cells: Partial<Record<ImportField, unknown>>,
): Period | null {
  const year = layout.period?.start?.getUTCFullYear();
  return readPeriod(cells.period, year) ?? layout.period;
}

function objectiveFields(
  layout: SheetLayout,
  cells: Partial<Record<ImportField, unknown>>,
  title: string,
  sourceId: string,
): Omit<ObjectiveDraft, 'keyResults' | 'id'> {
  return {
    sourceId,
    title,
    ownerCell: cells.owner,
    team: text(cells.team),
    period: rowPeriod(layout, cells),
    parentText: text(cells.parent),
    notes: text(cells.notes),
  };
}

function collectObjectivesSheet(
  layout: SheetLayout,
  rows: readonly (readonly unknown[])[],
  into: Collector,
): void {
  for (const row of rows) {
    const cells = cellsOf(layout, row);
    const title = text(cells.objective) || text(cells.title);
    if (title)
      into.objective(objectiveFields(layout, cells, objectiveTitle(title), text(cells.id)));
  }
}

/** True when a row only names something: no measure, owner or date beside its text. */
function isTitleRow(cells: Partial<Record<ImportField, unknown>>): boolean {
  const named: ImportField[] = ['keyResult', 'title', 'objective', 'notes', 'id', 'period', 'team'];
  return (Object.entries(cells) as [ImportField, unknown][]).every(
    ([field, cell]) => named.includes(field) || isBlankCell(cell),
  );
}

function collectOkrSheet(
  layout: SheetLayout,
  rows: readonly (readonly unknown[])[],
  into: Collector,
): void {
  let current: ObjectiveDraft | null = null;
  const { mapping } = layout;
  rows.forEach((row, offset) => {
    const sheetRow = layout.headerRow + offset + 2;
    const cells = cellsOf(layout, row);
    if (Object.values(cells).every(isBlankCell)) return;
    const name = text(cells.keyResult) || text(cells.title);
    if (!name && reportErrorCell(layout, sheetRow, cells, into)) return;
    const level = mapping.level !== undefined ? rowLevel(cells.level) : null;
    if (level === 'objective') {
      current = into.objective(objectiveFields(layout, cells, name, text(cells.id)));
      return;
    }
    if (mapping.objective !== undefined && text(cells.objective)) {
      // The row's owner and notes are its key result's; the objective takes its name, period and team.
      const { objective, objectiveId, period, team, parent } = cells;
      current = into.objective(
        objectiveFields(
          layout,
          { objective, period, team, parent },
          objectiveTitle(text(objective)),
          text(objectiveId),
        ),
      );
      if (!name) return;
    } else if (level === null && mapping.objective === undefined && isTitleRow(cells) && name) {
      // A title row above a block of key results (no objective column to repeat it in).
      current = into.objective(objectiveFields(layout, cells, objectiveTitle(name), ''));
      return;
    }
    if (!name) return;
    // With an objective column, Parent is the objective's alignment; without, it names the KR's objective.
    const parent =
      mapping.objective === undefined ? text(cells.parent) || text(cells.objectiveId) : '';
    let objective: ObjectiveDraft | null | undefined = current;
    if (parent) {
      const reference = parentReference(parent);
      objective =
        (reference.id && into.findObjective(reference.id)) || into.findObjective(reference.title);
    }
    if (!objective) {
      into.problem(
        layout.sheet,
        sheetRow,
        '',
        `Key result "${name}" has no objective: no objective row above it${parent ? ` and none matches "${parent}"` : ''}. Add its objective above it, or map the column that names it.`,
      );
      return;
    }
    into.keyResult(layout.sheet, sheetRow, name, objective, cells);
  });
}

/** A name cell showing an error (#ERROR!, #REF!) is reported, never skipped silently. */
function reportErrorCell(
  layout: SheetLayout,
  sheetRow: number,
  cells: Partial<Record<ImportField, unknown>>,
  into: Collector,
): boolean {
  const field = (['keyResult', 'title'] as const).find((key) => isErrorCell(cells[key]));
  if (!field) return false;
  into.problem(
    layout.sheet,
    sheetRow,
    layout.header[layout.mapping[field]!] ?? '',
    `The cell shows ${String(cells[field]).trim()}, so this row is left out. Fix the cell (text starting with - or + needs a leading apostrophe), then import again.`,
  );
  return true;
}

function collectKeyResultsSheet(
  layout: SheetLayout,
  rows: readonly (readonly unknown[])[],
  into: Collector,
): void {
  rows.forEach((row, offset) => {
    const sheetRow = layout.headerRow + offset + 2;
    const cells = cellsOf(layout, row);
    const name = text(cells.keyResult) || text(cells.title);
    if (!name) {
      reportErrorCell(layout, sheetRow, cells, into);
      return;
    }
    const reference = text(cells.objectiveId);
    const objective = reference ? into.findObjective(reference) : undefined;
    if (!objective) {
      into.problem(
        layout.sheet,
        sheetRow,
        layout.header[layout.mapping.objectiveId ?? -1] ?? '',
        `Key result "${name}" names objective "${reference}", which no objective sheet has. Correct the ID, or include the sheet that lists the objective.`,
      );
      return;
    }
    into.keyResult(layout.sheet, sheetRow, name, objective, cells);
  });
}

/** Our IDs: the user's own where they are unique, otherwise O1, O2… and KR1, KR2…. */
function assignIds(
  drafts: readonly { sourceId: string; id: string }[],
  prefix: string,
  existing: readonly string[],
): void {
  const taken = new Set(existing.map(idKey));
  for (const draft of drafts) {
    if (draft.sourceId && !taken.has(idKey(draft.sourceId))) {
      draft.id = draft.sourceId;
      taken.add(idKey(draft.id));
    }
  }
  let next = 1;
  for (const draft of drafts) {
    if (draft.id) continue;
    while (taken.has(idKey(`${prefix}${next}`))) next++;
    draft.id = `${prefix}${next}`;
    taken.add(idKey(draft.id));
  }
}

function chooseCycle(
  periods: readonly Period[],
  wanted: string | undefined,
): { cycles: string[]; cycle: Period | null } {
  const unique = new Map<string, Period>();
  for (const period of periods) unique.set(period.label, period);
  // The open cycle is the latest to start; a quarter before the year that starts with it.
  const sorted = [...unique.values()].sort(
    (a, b) =>
      (b.start?.getTime() ?? 0) - (a.start?.getTime() ?? 0) ||
      (a.end?.getTime() ?? 0) - (b.end?.getTime() ?? 0),
  );
  const chosen =
    (wanted &&
      (sorted.find((period) => period.label === wanted) ??
        readPeriod(wanted) ?? { label: wanted, start: null, end: null })) ||
    sorted[0] ||
    null;
  return { cycles: sorted.map((period) => period.label), cycle: chosen };
}

/** The emails of an owner cell, through the confirmed mapping; the rest stay unmapped. */
function emailsOf(cell: unknown, ownerEmails: Readonly<Record<string, string>>): string[] {
  return ownerTokens(cell)
    .map((token) => (isEmail(token) ? token : (ownerEmails[ownerKey(token)] ?? '')))
    .filter((email) => email !== '');
}

/** Proposed emails: an @handle or a name whose email appears elsewhere in the sheets. */
function proposeOwners(
  cells: readonly unknown[],
  ownerEmails: Readonly<Record<string, string>>,
): OwnerProposal[] {
  const proposals = new Map<string, OwnerProposal>();
  const emailsByLocalPart = new Map<string, string>();
  for (const cell of cells) {
    for (const token of ownerTokens(cell)) {
      if (isEmail(token)) {
        emailsByLocalPart.set(token.split('@')[0]!.toLowerCase(), token);
        continue;
      }
      const key = ownerKey(token);
      const proposal = proposals.get(key) ?? { owner: token, key, email: null, rows: 0 };
      proposal.rows++;
      proposals.set(key, proposal);
    }
  }
  for (const proposal of proposals.values()) {
    const handle = proposal.key.replace(/^@/, '').replace(/\s+/g, '.');
    proposal.email = ownerEmails[proposal.key] ?? emailsByLocalPart.get(handle) ?? null;
  }
  return [...proposals.values()].sort((a, b) => b.rows - a.rows || a.owner.localeCompare(b.owner));
}

function keyResultType(cells: Partial<Record<ImportField, unknown>>): string {
  const word = headerKey(cells.keyResultType);
  return KEY_RESULT_TYPE_WORDS[word] ?? '';
}

/**
 * Without a Start, a target is a threshold: "at most" when the title says the number must come
 * down ("under 30 days", "cut", "reduce"), else "at least", which scores current / target as
 * these templates do.
 */
function thresholdType(title: string): string {
  return /\b(?:under|below|less|fewer|cut|reduce|lower|decrease|max(?:imum)?|at most)\b/i.test(
    title,
  )
    ? 'at most'
    : 'at least';
}

/** The Key Results row of a draft: measured when it has a target, else a percentage of its score. */
function keyResultRecord(
  draft: KeyResultDraft,
  ownerEmails: Readonly<Record<string, string>>,
  into: Collector,
): ImportRecord {
  const { cells } = draft;
  const start = lenientNumber(cells.start);
  const target = lenientNumber(cells.target);
  const current = lenientNumber(cells.current);
  const statusText = text(cells.status);
  const score = readScore(cells.progress) ?? readScore(cells.status);
  const confidence =
    readConfidence(cells.confidence) ?? (statusText ? confidenceOfWord(statusText) : null);
  let type = keyResultType(cells);
  const record: ImportRecord = {
    id: draft.id,
    objectiveId: draft.objective.id,
    title: draft.title,
    // A key result without an owner of its own is its objective's owner's to check in.
    owner:
      emailsOf(cells.owner, ownerEmails)[0] ??
      emailsOf(draft.objective.ownerCell, ownerEmails)[0] ??
      '',
    unit: text(cells.unit),
    weight: lenientNumber(cells.weight) ?? '',
    confidence: confidence ?? '',
    startDate: dateOrBlank(cells.startDate),
    dueDate: dateOrBlank(cells.dueDate),
  };
  if (target !== null) {
    if (!type) type = start === null ? thresholdType(draft.title) : '';
    Object.assign(record, { type, start: start ?? '', target, current: current ?? '' });
  } else if (score !== null || type === 'percentage') {
    Object.assign(record, {
      type: 'percentage',
      start: '',
      target: '',
      current: score ?? current ?? '',
      unit: record.unit || '%',
    });
  } else {
    Object.assign(record, { type, start: start ?? '', target: '', current: current ?? '' });
    if (type !== 'baseline')
      into.problem(
        draft.sheet,
        draft.row,
        '',
        `Key result "${draft.title}" has no target and no score, so it is imported without progress. Add its Target on the Key Results sheet after the import.`,
      );
  }
  return record;
}

/** The key result an update row is about: by its ID, else by its title (open cycle first). */
function keyResultOf(
  update: UpdateDraft,
  keyResults: readonly KeyResultDraft[],
  cycle: Period | null,
): KeyResultDraft | undefined {
  const id = text(update.cells.id);
  if (id) {
    const byId = keyResults.find(
      (kr) => (kr.sourceId && idKey(kr.sourceId) === idKey(id)) || idKey(kr.id) === idKey(id),
    );
    if (byId) return byId;
  }
  const title = headerKey(text(update.cells.keyResult) || text(update.cells.title));
  const named = keyResults.filter((kr) => headerKey(kr.title) === title);
  return named.find((kr) => kr.objective.period?.label === cycle?.label) ?? named[0];
}

function checkInRecord(
  update: UpdateDraft,
  keyResult: KeyResultDraft,
  cycle: Period | null,
  ownerEmails: Readonly<Record<string, string>>,
  into: Collector,
): ImportRecord | null {
  const { cells } = update;
  const timestamp =
    updateDay(cells.date, keyResult.objective.period ?? cycle) ??
    updateDay(cells.period, keyResult.objective.period ?? cycle);
  const percentage = keyResult.record.type === 'percentage';
  const value = percentage
    ? (readScore(cells.current) ?? readScore(cells.progress))
    : (lenientNumber(cells.current) ?? null);
  if (timestamp === null) {
    into.problem(
      update.sheet,
      update.row,
      '',
      `The update of "${keyResult.title}" has no date or period the import can read (such as 2026-03-06, 2026-W10 or Week 3). Type one, then import again.`,
    );
    return null;
  }
  if (value === null) {
    into.problem(
      update.sheet,
      update.row,
      '',
      `The update of "${keyResult.title}" has no value to record${percentage ? ' (a score such as 45%)' : ' (a number)'}; it stays only in your sheet.`,
    );
    return null;
  }
  return {
    timestamp,
    keyResultId: keyResult.id,
    value,
    confidence:
      readConfidence(cells.confidence) ??
      (text(cells.status) ? (confidenceOfWord(text(cells.status)) ?? '') : ''),
    progress: text(cells.notes),
    author: emailsOf(cells.owner, ownerEmails)[0] ?? '',
  };
}

/** Plans the import of `sheets`; nothing is written, and the user's sheets are only read. */
export function planImport(
  sheets: readonly SourceSheet[],
  options: ImportOptions = {},
): ImportPlan {
  const ownerEmails = Object.fromEntries(
    Object.entries(options.ownerEmails ?? {}).map(([owner, email]) => [
      ownerKey(owner),
      email.trim(),
    ]),
  );
  const layouts = sheets.map((sheet) => readLayout(sheet, options.overrides?.[sheet.name]));
  const into = new Collector();
  // Objectives first, so key results on other sheets find them by ID or title; update logs last.
  const order: SheetLayout['role'][] = ['objectives', 'okrs', 'keyResults', 'updates'];
  for (const role of order) {
    layouts.forEach((layout, index) => {
      if (layout.role !== role) return;
      const rows = sheets[index]!.values.slice(layout.headerRow + 1);
      if (role === 'objectives') collectObjectivesSheet(layout, rows, into);
      if (role === 'okrs') collectOkrSheet(layout, rows, into);
      if (role === 'keyResults') collectKeyResultsSheet(layout, rows, into);
      if (role === 'updates')
        rows.forEach((row, offset) => {
          const cells = cellsOf(layout, row);
          if (!Object.values(cells).every(isBlankCell))
            into.updates.push({
              sheet: layout.sheet,
              row: layout.headerRow + offset + 2,
              cells,
              period: layout.period,
            });
        });
    });
  }

  const { cycles, cycle } = chooseCycle(
    into.objectives.flatMap((objective) => (objective.period ? [objective.period] : [])),
    options.cycle,
  );
  assignIds(into.objectives, 'O', options.existingObjectiveIds ?? []);
  assignIds(into.keyResults, 'KR', options.existingKeyResultIds ?? []);

  const inOpenCycle = (period: Period | null): boolean =>
    period === null || cycle === null || periodCovers(period, cycle);
  const objectives = into.objectives.map((objective) => {
    const parent = objective.parentText ? parentReference(objective.parentText) : null;
    const parentObjective = parent
      ? (parent.id && into.findObjective(parent.id)) || into.findObjective(parent.title)
      : undefined;
    const emails = emailsOf(objective.ownerCell, ownerEmails);
    const periodNote =
      objective.period &&
      cycle &&
      objective.period.label !== cycle.label &&
      inOpenCycle(objective.period)
        ? `Period: ${objective.period.label}`
        : '';
    return {
      id: objective.id,
      title: objective.title,
      owner: emails.length > 0 ? emails.join(', ') : text(objective.ownerCell),
      team: objective.team,
      cycle: inOpenCycle(objective.period) ? (cycle?.label ?? '') : objective.period!.label,
      parentId: parentObjective && parentObjective !== objective ? parentObjective.id : '',
      notes: [objective.notes, periodNote].filter(Boolean).join('\n'),
    };
  });
  for (const keyResult of into.keyResults)
    keyResult.record = keyResultRecord(keyResult, ownerEmails, into);

  const checkIns: ImportRecord[] = [];
  for (const update of into.updates) {
    const keyResult = keyResultOf(update, into.keyResults, cycle);
    if (!keyResult) {
      const name =
        text(update.cells.keyResult) || text(update.cells.title) || text(update.cells.id);
      into.problem(
        update.sheet,
        update.row,
        '',
        `No imported key result is called "${name}". Correct the name to match the key result, then import again.`,
      );
      continue;
    }
    const record = checkInRecord(update, keyResult, cycle, ownerEmails, into);
    if (record) checkIns.push(record);
  }
  // The latest check-in also stands for the key result's Current, Confidence and Last Check-in.
  const sorted = [...checkIns].sort(
    (a, b) => (a.timestamp as Date).getTime() - (b.timestamp as Date).getTime(),
  );
  const currentFromLog = new Set<ImportRecord>();
  for (const checkIn of sorted) {
    const keyResult = into.keyResults.find((kr) => kr.id === checkIn.keyResultId)!.record;
    keyResult.lastCheckIn = checkIn.timestamp;
    // A Current typed in their sheet wins; a blank one takes the latest update's value.
    if (keyResult.current === '' || currentFromLog.has(keyResult)) {
      keyResult.current = checkIn.value;
      currentFromLog.add(keyResult);
    }
    if (checkIn.confidence !== '') keyResult.confidence = checkIn.confidence;
  }
  const keyResults = into.keyResults.map(({ record }) => record);

  return {
    layouts,
    cycles,
    cycle: cycle?.label ?? null,
    objectives,
    keyResults,
    checkIns,
    archived: {
      objectives: into.objectives.filter((objective) => !inOpenCycle(objective.period)).length,
      keyResults: into.keyResults.filter((kr) => !inOpenCycle(kr.objective.period)).length,
    },
    owners: proposeOwners(
      [...into.objectives.map((o) => o.ownerCell), ...into.keyResults.map((kr) => kr.cells.owner)],
      ownerEmails,
    ),
    problems: into.problems,
  };
}
