/** A Key Results table as a 2-D range (header row first), as Sheets passes OKR_KEY_RESULTS. */
export const KEY_RESULTS_HEADER = [
  'ID',
  'Objective ID',
  'Key Result',
  'Owner',
  'Type',
  'Start',
  'Target',
  'Current',
  'Start Date',
  'Due Date',
  'Weight',
];

export type KeyResultRow = [
  id: string,
  objectiveId: string,
  title: string,
  type: string,
  start: number | string,
  target: number | string,
  current: number | string | boolean,
  startDate: Date | string,
  dueDate: Date | string,
  weight: number | string,
];

export function keyResultTable(rows: readonly KeyResultRow[]): unknown[][] {
  return [
    KEY_RESULTS_HEADER,
    ...rows.map(
      ([id, objectiveId, title, type, start, target, current, startDate, dueDate, weight]) => [
        id,
        objectiveId,
        title,
        'ana@example.com',
        type,
        start,
        target,
        current,
        startDate,
        dueDate,
        weight,
      ],
    ),
  ];
}
