/**
 * Tables stacked from several teams with `{A; B}` or `VSTACK(A, B)`, each keeping its own header
 * row: a row that holds the table's required headers again starts a new block. Teams reuse IDs
 * (every team has an O1), so IDs are unique only within a block; "2!O1" names the O1 of the
 * second block (docs/functions.md, "Several teams' tables").
 */
import { OkrInputError } from '../core/errors';
import { headerKey } from '../workbook/headers';
import type { TableDef } from '../workbook/schema';

/** One team's table within the stack: its header row first, rows numbered from it as row 1. */
export interface TableBlock {
  /** 1-based position in the stack, the number that qualifies its IDs. */
  number: number;
  values: unknown[][];
}

/**
 * Whether the text folds (as headerKey does) to `key`, a folded header: walked in place, so the
 * text of a data cell is dismissed at its first differing letter without a folded copy.
 */
function foldsTo(text: string, key: string): boolean {
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code > 127) return headerKey(text) === key;
    if (code >= 65 && code <= 90) code += 32;
    else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) continue;
    if (code !== key.charCodeAt(k)) return false;
    k++;
  }
  return k === key.length;
}

/** Whether a row holds every required header of the table (in any order and spelling). */
function isHeaderRow(row: unknown, required: readonly string[]): boolean {
  if (!Array.isArray(row)) return false;
  return required.every((key) =>
    row.some((cell) => typeof cell === 'string' && foldsTo(cell, key)),
  );
}

/** The blocks of a table (header row first); a table with one header row is one block. */
export function tableBlocks(table: readonly unknown[], definition: TableDef): TableBlock[] {
  const required = definition.columns
    .filter((column) => column.required)
    .map((column) => headerKey(column.header));
  const blocks: TableBlock[] = [];
  let start = 0;
  for (let r = 1; r <= table.length; r++) {
    if (r < table.length && !isHeaderRow(table[r], required)) continue;
    blocks.push({ number: blocks.length + 1, values: table.slice(start, r) as unknown[][] });
    start = r;
  }
  return blocks;
}

/** An ID written as "2!O1": the block number and the ID within it; null for a plain ID. */
export function qualifiedId(id: string): { number: number; id: string } | null {
  const match = /^\s*(\d+)\s*!\s*(\S.*)$/.exec(id);
  return match ? { number: Number(match[1]), id: match[2]! } : null;
}

/** An ID qualified with its block number, as "2!O1". */
export function qualify(number: number, id: string): string {
  return `${number}!${id}`;
}

/** The block a qualified ID names, or an error that says which numbers there are. */
export function blockNamed<T extends { number: number }>(
  blocks: readonly T[],
  qualified: { number: number; id: string },
): T {
  const block = blocks[qualified.number - 1];
  if (block) return block;
  throw new OkrInputError(
    `"${qualify(qualified.number, qualified.id)}" names table ${qualified.number}, but the stacked ` +
      `tables are numbered 1 to ${blocks.length} in the order they are stacked. Use one of those numbers.`,
  );
}

/** The error for an ID that more than one block uses: how to say which one is meant. */
export function ambiguousIdError(id: string, numbers: readonly number[]): OkrInputError {
  const tables = numbers.slice(0, -1).join(', ') + ' and ' + numbers[numbers.length - 1];
  const examples = numbers.map((number) => `"${qualify(number, id)}"`);
  return new OkrInputError(
    `The ID "${id}" is used in tables ${tables} of the stacked tables (each header row starts a ` +
      `table, numbered from 1 in the order they are stacked). Put the table's number and "!" ` +
      `before the ID, such as ${examples.slice(0, 2).join(' or ')}.`,
  );
}

/** A block's error, told with the number of the block it comes from. */
export function inBlock<T>(number: number, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof OkrInputError)
      throw new OkrInputError(`Table ${number}: ${error.message}`);
    throw error;
  }
}
