/**
 * Import column mapping: which column of a user's OKR sheet means what, found by header synonyms
 * ("Assignee" is an owner, "Obj_ID" an objective ID, "Grade" a score) and overridable by hand.
 */
import { headerKey } from '../headers';

/** What a column of a user's sheet can mean to the import. */
export const IMPORT_FIELDS = [
  'objective',
  'keyResult',
  'title',
  'level',
  'keyResultType',
  'id',
  'objectiveId',
  'parent',
  'owner',
  'team',
  'period',
  'start',
  'target',
  'current',
  'progress',
  'unit',
  'startDate',
  'dueDate',
  'weight',
  'confidence',
  'status',
  'notes',
  'date',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → 0-based column; absent when the sheet has no such column. */
export type ImportMapping = Partial<Record<ImportField, number>>;

/** Header synonyms per field, folded as headerKey folds them (case, spaces, punctuation). */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  objective: [
    'objective',
    'objectives',
    'objectivetitle',
    'objectivename',
    'goal',
    'companyobjective',
    'departmentobjective',
    'teamobjective',
  ],
  keyResult: [
    'keyresult',
    'keyresults',
    'kr',
    'krs',
    'krtitle',
    'krname',
    'keyresulttitle',
    'result',
    'measure',
  ],
  title: ['title', 'name', 'okr', 'okrtitle', 'goalname'],
  level: ['level', 'itemtype', 'okrtype', 'kind', 'type', 'entitytype', 'recordtype'],
  keyResultType: ['krtype', 'keyresulttype', 'measuretype', 'metrictype', 'direction', 'type'],
  id: ['id', 'krid', 'keyresultid', 'okrid', 'goalid', 'ref', 'no'],
  objectiveId: ['objid', 'objectiveid', 'objectiveref', 'parentid', 'objectivekey'],
  parent: [
    'parent',
    'parentobjective',
    'parentgoal',
    'alignedto',
    'alignsto',
    'supports',
    'contributesto',
    'companyobjectivesupported',
  ],
  owner: [
    'owner',
    'owners',
    'assignee',
    'assignees',
    'assignedto',
    'responsible',
    'dri',
    'lead',
    'accountable',
    'who',
  ],
  team: ['team', 'department', 'dept', 'function', 'group', 'businessunit', 'bu'],
  period: [
    'quarter',
    'period',
    'timeperiod',
    'cycle',
    'timeframe',
    'okrperiod',
    'qtr',
    'year',
    'fiscalperiod',
  ],
  start: [
    'start',
    'startvalue',
    'baseline',
    'from',
    'initialvalue',
    'startingvalue',
    'baselinevalue',
  ],
  target: ['target', 'targetvalue', 'goalvalue', 'to', 'targetnumber'],
  current: [
    'current',
    'currentvalue',
    'actual',
    'actualvalue',
    'value',
    'latestvalue',
    'achieved',
    'result value',
  ],
  progress: [
    'progress',
    'actualprogress',
    'score',
    'grade',
    'percentcomplete',
    'complete',
    'completion',
    'finalscore',
    'finalgrade',
    'krscore',
    'progresspercent',
  ],
  unit: ['unit', 'units', 'metric', 'uom', 'unitofmeasure'],
  startDate: ['startdate', 'begin', 'begins', 'from date', 'startson'],
  dueDate: ['duedate', 'due', 'enddate', 'deadline', 'targetdate', 'end', 'by'],
  weight: ['weight', 'weighting', 'krweight'],
  confidence: ['confidence', 'confidencelevel', 'confidencescore', 'mood'],
  status: ['status', 'rag', 'ragstatus', 'health', 'trafficlight'],
  notes: [
    'notes',
    'note',
    'comments',
    'comment',
    'description',
    'update',
    'commentary',
    'details',
    'whatchanged',
    'progressnotes',
  ],
  date: [
    'date',
    'timestamp',
    'updated',
    'updatedon',
    'week',
    'weekof',
    'checkindate',
    'updatedate',
    'reportdate',
    'asof',
  ],
};

const FIELD_OF_HEADER = new Map<string, ImportField[]>();
for (const field of IMPORT_FIELDS) {
  for (const synonym of SYNONYMS[field]) {
    const key = headerKey(synonym);
    FIELD_OF_HEADER.set(key, [...(FIELD_OF_HEADER.get(key) ?? []), field]);
  }
}

/** Words in a column of a combined sheet that say a row is an objective or a key result. */
const LEVEL_WORDS = new Set(['objective', 'keyresult', 'kr', 'o', 'goal', 'result']);

function looksLikeLevels(values: readonly unknown[]): boolean {
  const words = values.map(headerKey).filter((word) => word !== '');
  return words.length > 0 && words.every((word) => LEVEL_WORDS.has(word));
}

/**
 * Proposes a mapping for one header row. `columnValues(index)` gives a column's data cells, which
 * decide what an ambiguous header such as "Type" means (Objective / Key Result rows, or the KR
 * type). The first column of each field wins.
 */
export function proposeMapping(
  header: readonly unknown[],
  columnValues: (index: number) => readonly unknown[] = () => [],
): ImportMapping {
  const mapping: ImportMapping = {};
  header.forEach((cell, index) => {
    const candidates = FIELD_OF_HEADER.get(headerKey(cell)) ?? [];
    const fields = candidates.includes('level')
      ? looksLikeLevels(columnValues(index))
        ? ['level' as const]
        : candidates.filter((field) => field !== 'level')
      : candidates;
    const free = fields.find((field) => mapping[field] === undefined);
    if (free) mapping[free] = index;
  });
  return mapping;
}

/**
 * A mapping with the user's choices applied: `overrides` maps a field to a column index, or to
 * null to leave the field out. A column given to a field is taken from any other field.
 */
export function overrideMapping(
  proposed: ImportMapping,
  overrides: Partial<Record<ImportField, number | null>>,
): ImportMapping {
  const mapping: ImportMapping = { ...proposed };
  for (const [field, column] of Object.entries(overrides) as [ImportField, number | null][]) {
    if (column === null) {
      delete mapping[field];
      continue;
    }
    for (const other of IMPORT_FIELDS) if (mapping[other] === column) delete mapping[other];
    mapping[field] = column;
  }
  return mapping;
}

/** How many fields a header row maps: the header is the first row that maps two or more. */
export function mappedCount(header: readonly unknown[]): number {
  return header.filter((cell) => FIELD_OF_HEADER.has(headerKey(cell))).length;
}
