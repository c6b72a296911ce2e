import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatIsoDate,
  idKey,
  isBlankCell,
  isErrorCell,
  percentPointsToFraction,
  readBoolean,
  readDate,
  readEmail,
  readId,
  readMeasured,
  readNumber,
  readPercent,
  readText,
  sameId,
  type CellRead,
} from '../../../src/workbook/cells';
import { runInNewContext } from 'node:vm';

const valueOf = <T>(read: CellRead<T>): T | null => {
  if (!read.ok) throw new Error(`expected a value, got problem: ${read.problem}`);
  return read.value;
};
const problemOf = <T>(read: CellRead<T>): string => {
  if (read.ok) throw new Error(`expected a problem, got ${String(read.value)}`);
  return read.problem;
};

const SHEETS_ERRORS = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
];
const readers: Record<string, (cell: unknown) => CellRead<unknown>> = {
  readNumber,
  readPercent,
  readDate,
  readBoolean,
  readText,
  readEmail,
  readMeasured,
  readId,
};

describe('isBlankCell', () => {
  it('treats "", null, undefined and whitespace as blank', () => {
    for (const cell of ['', null, undefined, '   ', '\t\n']) expect(isBlankCell(cell)).toBe(true);
  });
  it('treats 0, FALSE and text as filled', () => {
    for (const cell of [0, false, 'a', new Date(0)]) expect(isBlankCell(cell)).toBe(false);
  });
});

describe('isErrorCell', () => {
  it('recognises every Sheets error value', () => {
    for (const error of SHEETS_ERRORS) expect(isErrorCell(error)).toBe(true);
  });
  it('ignores case and surrounding spaces', () => {
    expect(isErrorCell(' #n/a ')).toBe(true);
  });
  it('does not mistake ordinary text starting with # for an error', () => {
    expect(isErrorCell('#1 priority')).toBe(false);
    expect(isErrorCell(404)).toBe(false);
  });
});

describe('every reader', () => {
  it.each(Object.entries(readers))(
    '%s reports error values as a problem naming the error',
    (_name, read) => {
      for (const error of SHEETS_ERRORS) {
        const problem = problemOf(read(error));
        expect(problem).toContain(error);
        expect(problem).toContain('Fix the formula');
      }
    },
  );
  it.each(Object.entries(readers))('%s reads a blank cell as null', (_name, read) => {
    for (const cell of ['', null, undefined, '  ']) expect(valueOf(read(cell))).toBeNull();
  });
  it.each(Object.entries(readers))('%s never throws, whatever the cell holds', (_name, read) => {
    const cells = fc.oneof(
      fc.anything(),
      fc.date(),
      fc.double(),
      fc.string(),
      fc.constantFrom(...SHEETS_ERRORS, '1,234', '45%', '2026-02-30', 'yes', '✓'),
    );
    fc.assert(
      fc.property(cells, (cell) => {
        const result = read(cell);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.problem.length).toBeGreaterThan(10);
      }),
    );
  });
});

describe('readNumber', () => {
  it('keeps numbers as they are', () => {
    expect(valueOf(readNumber(120))).toBe(120);
    expect(valueOf(readNumber(-3.5))).toBe(-3.5);
    expect(valueOf(readNumber(0))).toBe(0);
  });
  it('reads number text with thousands separators', () => {
    expect(valueOf(readNumber('1,234'))).toBe(1234);
    expect(valueOf(readNumber('1 234'))).toBe(1234);
    expect(valueOf(readNumber('1\u00a0234 567.5'))).toBe(1234567.5);
    expect(valueOf(readNumber(' -12.5 '))).toBe(-12.5);
    expect(valueOf(readNumber('+7'))).toBe(7);
    expect(valueOf(readNumber('.5'))).toBe(0.5);
    expect(valueOf(readNumber('1e3'))).toBe(1000);
  });
  it('reads currency amounts', () => {
    expect(valueOf(readNumber('$1,200'))).toBe(1200);
    expect(valueOf(readNumber('-€5'))).toBe(-5);
  });
  it('reads percent text as a fraction', () => {
    expect(valueOf(readNumber('45%'))).toBe(0.45);
    expect(valueOf(readNumber('12.5 %'))).toBe(0.125);
    expect(valueOf(readNumber('99.9%'))).toBe(0.999);
    expect(valueOf(readNumber('-1,250.5%'))).toBe(-12.505);
  });
  it('says what is wrong and how to fix it for text that is not a number', () => {
    expect(problemOf(readNumber('abc'))).toBe('"abc" is not a number. Type a number such as 120.');
  });
  it('rejects misplaced separators rather than guessing', () => {
    expect(readNumber('1,23').ok).toBe(false);
    expect(readNumber('12,34,567').ok).toBe(false);
    expect(readNumber('1.2.3').ok).toBe(false);
  });
  it('rejects booleans, dates and non-finite numbers with a problem', () => {
    expect(problemOf(readNumber(true))).toBe('TRUE is not a number. Type a number such as 120.');
    expect(problemOf(readNumber(new Date(Date.UTC(2026, 9, 1))))).toBe(
      '2026-10-01 is a date, not a number. Type a number such as 120.',
    );
    expect(readNumber(NaN).ok).toBe(false);
    expect(readNumber(Infinity).ok).toBe(false);
  });
  it('shortens long text in the message', () => {
    const problem = problemOf(readNumber('x'.repeat(100)));
    expect(problem.length).toBeLessThan(100);
    expect(problem).toContain('...');
  });
});

describe('percentPointsToFraction', () => {
  it('takes numbers above 1 as percent points and keeps fractions', () => {
    expect(percentPointsToFraction(45)).toBe(0.45);
    expect(percentPointsToFraction(99.9)).toBe(0.999);
    expect(percentPointsToFraction(0.3)).toBe(0.3);
    expect(percentPointsToFraction(1)).toBe(1);
  });
});

describe('readPercent', () => {
  it('keeps fractions from percent-formatted cells', () => {
    expect(valueOf(readPercent(0.45))).toBe(0.45);
    expect(valueOf(readPercent(1))).toBe(1);
    expect(valueOf(readPercent(0))).toBe(0);
  });
  it('reads percent text as a fraction', () => {
    expect(valueOf(readPercent('45%'))).toBe(0.45);
    expect(valueOf(readPercent('150%'))).toBe(1.5);
    expect(valueOf(readPercent('0.5%'))).toBe(0.005);
  });
  it('takes plain numbers above 1 as percent points', () => {
    expect(valueOf(readPercent(45))).toBe(0.45);
    expect(valueOf(readPercent('45'))).toBe(0.45);
    expect(valueOf(readPercent(99.9))).toBe(0.999);
    expect(valueOf(readPercent('0.1'))).toBe(0.1);
  });
  it('says how to type a percentage', () => {
    expect(problemOf(readPercent('lots'))).toBe(
      '"lots" is not a percentage. Type a percentage such as 45% (or 0.45).',
    );
  });
});

describe('readDate', () => {
  it('keeps Date objects (as a copy)', () => {
    const date = new Date(Date.UTC(2026, 9, 1, 14, 30));
    const read = valueOf(readDate(date));
    expect(read?.getTime()).toBe(date.getTime());
    expect(read).not.toBe(date);
  });
  it('accepts Date objects made in another realm, as the node:vm emulator passes them', () => {
    const foreign: unknown = runInNewContext('new Date(Date.UTC(2026, 9, 1))');
    expect(foreign instanceof Date).toBe(false);
    expect(valueOf(readDate(foreign))?.getTime()).toBe(Date.UTC(2026, 9, 1));
  });
  it('reads a date-only ISO text as that calendar day: midnight of its wall clock, in UTC fields', () => {
    expect(valueOf(readDate('2026-10-01'))?.getTime()).toBe(Date.UTC(2026, 9, 1));
    expect(valueOf(readDate(' 2026-3-7 '))?.getTime()).toBe(Date.UTC(2026, 2, 7));
  });
  it('reads ISO date-times without a zone as wall-clock times and with one at that offset', () => {
    expect(valueOf(readDate('2026-10-01T09:30:00Z'))?.getTime()).toBe(Date.UTC(2026, 9, 1, 9, 30));
    expect(valueOf(readDate('2026-10-01T09:30:00.250+02:00'))?.getTime()).toBe(
      Date.UTC(2026, 9, 1, 7, 30, 0, 250),
    );
    expect(valueOf(readDate('2026-10-01 09:30'))?.getTime()).toBe(Date.UTC(2026, 9, 1, 9, 30));
  });
  it('keeps years below 100 as typed', () => {
    expect(valueOf(readDate('0099-01-01'))?.getUTCFullYear()).toBe(99);
  });
  it('rejects days that do not exist', () => {
    expect(problemOf(readDate('2026-02-30'))).toBe(
      '"2026-02-30" is not a date. Type a date such as 2026-10-01.',
    );
    expect(readDate('2026-13-01').ok).toBe(false);
    expect(readDate('2026-10-01T25:00').ok).toBe(false);
  });
  it('rejects ambiguous local formats rather than guessing the day order', () => {
    expect(readDate('01/10/2026').ok).toBe(false);
  });
  it('reads date serial numbers as Sheets counts them, from 1899-12-30', () => {
    expect(valueOf(readDate(46023))?.getTime()).toBe(Date.UTC(2026, 0, 1));
    expect(valueOf(readDate(46023.5))?.getTime()).toBe(Date.UTC(2026, 0, 1, 12));
    expect(valueOf(readDate(1))?.getTime()).toBe(Date.UTC(1899, 11, 31));
    expect(valueOf(readDate(0))?.getTime()).toBe(Date.UTC(1899, 11, 30));
    expect(valueOf(readDate(2_958_465))?.getTime()).toBe(Date.UTC(9999, 11, 31));
  });
  it('rejects numbers that are no day Sheets shows, and invalid Date objects, with a problem', () => {
    expect(problemOf(readDate(-3))).toBe(
      '-3 is a number, not a date: Sheets numbers days from 0 (1899-12-30) to 2958465 (9999-12-31). Type a date such as 2026-10-01. (or format the cell as a date)',
    );
    expect(problemOf(readDate(2_958_466))).toContain('2958466 is a number, not a date');
    expect(problemOf(readDate(Number.NaN))).toContain('is a number, not a date');
    expect(problemOf(readDate(3e6))).toContain('3000000 is a number, not a date');
    expect(problemOf(readDate(new Date(NaN)))).toContain('invalid date');
  });
});

describe('readBoolean', () => {
  it('reads booleans, 1 and 0', () => {
    expect(valueOf(readBoolean(true))).toBe(true);
    expect(valueOf(readBoolean(false))).toBe(false);
    expect(valueOf(readBoolean(1))).toBe(true);
    expect(valueOf(readBoolean(0))).toBe(false);
  });
  it('reads yes/no words in any case and check marks', () => {
    for (const word of ['TRUE', 'yes', 'Y', 'Done', 'x', '✓', '✔', '✅', 'completed'])
      expect(valueOf(readBoolean(word))).toBe(true);
    for (const word of ['FALSE', 'no', 'N', 'not done', '0', '✗', 'open'])
      expect(valueOf(readBoolean(word))).toBe(false);
  });
  it('says how to type yes or no', () => {
    expect(problemOf(readBoolean('maybe'))).toBe(
      '"maybe" is not yes or no. Type TRUE or FALSE (yes, no, done and ✓ work too).',
    );
    expect(readBoolean(2).ok).toBe(false);
  });
});

describe('readText', () => {
  it('trims text', () => {
    expect(valueOf(readText('  Grow revenue  '))).toBe('Grow revenue');
  });
  it('shows numbers, booleans and dates as text', () => {
    expect(valueOf(readText(12))).toBe('12');
    expect(valueOf(readText(true))).toBe('TRUE');
    expect(valueOf(readText(new Date(Date.UTC(2026, 9, 1))))).toBe('2026-10-01');
  });
  it('keeps formula-looking text as text', () => {
    expect(valueOf(readText('=SUM(A1)'))).toBe('=SUM(A1)');
  });
  it('reports objects it cannot show', () => {
    expect(readText({}).ok).toBe(false);
  });
});

describe('readEmail', () => {
  it('accepts an email address', () => {
    expect(valueOf(readEmail(' ana@example.com '))).toBe('ana@example.com');
  });
  it('says that a name is not an email address', () => {
    expect(problemOf(readEmail('Ana'))).toBe(
      '"Ana" is not an email address. Type the person\'s email such as ana@example.com.',
    );
    expect(readEmail('ana@example.com, bo@example.com').ok).toBe(false);
  });
});

describe('readMeasured', () => {
  it('reads numbers and number text', () => {
    expect(valueOf(readMeasured(42))).toBe(42);
    expect(valueOf(readMeasured('1,234'))).toBe(1234);
    expect(valueOf(readMeasured('45%'))).toBe(0.45);
  });
  it('keeps 1 and 0 as numbers', () => {
    expect(valueOf(readMeasured('1'))).toBe(1);
    expect(valueOf(readMeasured(0))).toBe(0);
  });
  it('reads booleans and yes/no words for binary key results', () => {
    expect(valueOf(readMeasured(true))).toBe(true);
    expect(valueOf(readMeasured('Done'))).toBe(true);
    expect(valueOf(readMeasured('no'))).toBe(false);
  });
  it('says a measured value is a number or yes/no', () => {
    expect(problemOf(readMeasured('soon'))).toBe(
      '"soon" is not a number or yes/no. Type a number such as 120, or TRUE/FALSE for a yes-or-no key result.',
    );
    expect(readMeasured(new Date(Date.UTC(2026, 0, 1))).ok).toBe(false);
  });
});

describe('IDs', () => {
  it('reads IDs trimmed and numbers as their digits', () => {
    expect(valueOf(readId('  KR-1 '))).toBe('KR-1');
    expect(valueOf(readId(12))).toBe('12');
  });
  it('matches IDs trimmed and case-insensitively', () => {
    expect(sameId(' kr-1', 'KR-1 ')).toBe(true);
    expect(sameId('KR-1', 'KR-11')).toBe(false);
    expect(idKey(' O1 ')).toBe('o1');
  });
});

describe('formatIsoDate', () => {
  it('writes the local calendar day with padding', () => {
    expect(formatIsoDate(new Date(Date.UTC(2026, 0, 5, 23, 59)))).toBe('2026-01-05');
  });
});
