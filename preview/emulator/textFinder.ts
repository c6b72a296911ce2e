/**
 * TextFinder over one range: finds cells by their displayed text, one match at a time or all.
 * The emulator searches row by row, left to right, and never wraps around: findNext and
 * findPrevious return null when no match is left in that direction, as the reference says.
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder
 */
import type { GridRange } from './a1.js';
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';

type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

/** A cell of the searched range, 1-based on the sheet. */
interface CellAt {
  row: number;
  column: number;
}

/** What the finder needs from its range; the range passes itself in to avoid an import cycle. */
export interface SearchedRange<R> {
  grid: GridRange;
  /** The cell's displayed text (TextFinder matches formulas by their displayed value). */
  text(row: number, column: number): string;
  /** A one-cell range of the same sheet. */
  cell(at: CellAt): R;
  /** The grid of a range given to startFrom, or a failure when it is not a range of this sheet. */
  gridOf(range: unknown): GridRange;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export class FakeTextFinder<R>
  implements
    Returning<
      TextFinder,
      'matchCase' | 'matchEntireCell' | 'useRegularExpression' | 'startFrom',
      FakeTextFinder<R>
    >,
    Returning<TextFinder, 'findNext' | 'findPrevious' | 'getCurrentMatch', R | null>,
    Returning<TextFinder, 'findAll', R[]>
{
  private caseSensitive = false;
  private entireCell = false;
  private regularExpression = false;
  /** The current match, or the cell set by startFrom; searches continue after or before it. */
  private position: CellAt | null = null;
  private current: CellAt | null = null;

  constructor(
    readonly env: EmulatorEnv,
    private readonly range: SearchedRange<R>,
    private readonly findText: string,
  ) {
    if (typeof findText !== 'string' || findText === '') {
      env.fail('Exception: The parameters (String) are invalid: the text to find cannot be empty.');
    }
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder#matchcasematchcase */
  matchCase(matchCase: boolean): FakeTextFinder<R> {
    this.caseSensitive = matchCase;
    return this;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder#matchentirecellmatchentirecell */
  matchEntireCell(matchEntireCell: boolean): FakeTextFinder<R> {
    this.entireCell = matchEntireCell;
    return this;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useregularexpressionuseregex */
  useRegularExpression(useRegEx: boolean): FakeTextFinder<R> {
    this.regularExpression = useRegEx;
    return this;
  }

  /** Searching starts immediately after (or, for findPrevious, before) the range's first cell.
   * https://developers.google.com/apps-script/reference/spreadsheet/text-finder#startfromstartrange */
  startFrom(startRange: unknown): FakeTextFinder<R> {
    const grid = this.range.gridOf(startRange);
    this.position = { row: grid.row, column: grid.column };
    return this;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder#findnext */
  findNext(): R | null {
    return this.step(1);
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder#findprevious */
  findPrevious(): R | null {
    return this.step(-1);
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder#findall */
  findAll(): R[] {
    const pattern = this.pattern();
    const found: R[] = [];
    for (const at of this.cells(null, 1))
      if (this.matches(pattern, at)) found.push(this.range.cell(at));
    return found;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/text-finder#getcurrentmatch */
  getCurrentMatch(): R | null {
    return this.current ? this.range.cell(this.current) : null;
  }

  private step(direction: 1 | -1): R | null {
    const pattern = this.pattern();
    for (const at of this.cells(this.position, direction)) {
      if (!this.matches(pattern, at)) continue;
      this.position = at;
      this.current = at;
      return this.range.cell(at);
    }
    return null;
  }

  /** The range's cells in search order after `from` (exclusive), or all of them from the start. */
  private *cells(from: CellAt | null, direction: 1 | -1): Generator<CellAt> {
    const { row, column, numRows, numColumns } = this.range.grid;
    const size = numRows * numColumns;
    const indexOf = (at: CellAt) => (at.row - row) * numColumns + (at.column - column);
    let index = from === null ? (direction === 1 ? 0 : size - 1) : indexOf(from) + direction;
    // A start cell outside the range: searching begins at the nearest end.
    if (index < 0) index = direction === 1 ? 0 : -1;
    if (index >= size) index = direction === 1 ? size : size - 1;
    for (; index >= 0 && index < size; index += direction) {
      yield { row: row + Math.floor(index / numColumns), column: column + (index % numColumns) };
    }
  }

  private pattern(): RegExp {
    const source = this.regularExpression ? this.findText : escapeRegExp(this.findText);
    return new RegExp(this.entireCell ? `^(?:${source})$` : source, this.caseSensitive ? '' : 'i');
  }

  private matches(pattern: RegExp, at: CellAt): boolean {
    const text = this.range.text(at.row, at.column);
    return text !== '' && pattern.test(text);
  }
}
countCalls(FakeTextFinder, 'TextFinder');
