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

/**
 * Rows given as [ID, Objective ID, Key Result, Type, Start, Target, Current, Start Date,
 * Due Date, Weight]; every key result gets the same valid Owner.
 */
export function keyResultTable(rows: readonly (readonly unknown[])[]): unknown[][] {
  return [
    KEY_RESULTS_HEADER,
    ...rows.map((row) => [...row.slice(0, 3), 'ana@example.com', ...row.slice(3)]),
  ];
}
