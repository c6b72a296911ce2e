/**
 * One cell of a custom-function argument, read with the workbook's tolerant coercion; a cell that
 * cannot be read stops its row with a message that names the argument.
 */
import { OkrInputError } from '../core/errors';
import type { CellRead } from '../workbook/cells';

/** The value of a read cell (null for blank), or an OkrInputError naming the argument. */
export function cellValue<T>(name: string, read: CellRead<T>): T | null {
  if (!read.ok) throw new OkrInputError(`${name}: ${read.problem}`);
  return read.value;
}

/** Cell text from an earlier custom function that could not compute its row. */
export function isErrorText(cell: unknown): boolean {
  return typeof cell === 'string' && cell.startsWith('ERROR:');
}
