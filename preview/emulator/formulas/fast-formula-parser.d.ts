/** The parts of fast-formula-parser (MIT, CommonJS, no bundled types) the preview's formula engine uses. */
declare module 'fast-formula-parser' {
  interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  class FormulaError extends Error {
    constructor(error: string, message?: string, details?: unknown);
    readonly error: string;
    static readonly NAME: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
    static readonly NA: FormulaError;
    static readonly DIV0: FormulaError;
    static readonly NUM: FormulaError;
  }
  interface ParserConfig {
    functions?: Record<string, (...args: never[]) => unknown>;
    functionsNeedContext?: Record<string, (context: unknown, ...args: never[]) => unknown>;
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
  }
  class FormulaParser {
    constructor(config?: ParserConfig);
    static readonly FormulaError: typeof FormulaError;
    static readonly MAX_ROW: number;
    static readonly MAX_COLUMN: number;
    /** Functions that receive their arguments unevaluated (references stay references). */
    funsNeedContextAndNoDataRetrieve: string[];
    /** Every function the parser knows, built-in and configured, by upper-case name. */
    functions: Record<string, ((...args: never[]) => unknown) | undefined>;
    /** Evaluation helpers; _applyInfix computes `left infix right` on read operand values. */
    utils: {
      /** An argument's value as functions receive it: a reference read, a literal as it is. */
      extractRefValue(argument: unknown): { val: unknown; isArray: boolean };
      _applyInfix(
        left: { val: unknown; isArray: boolean },
        infix: string,
        right: { val: unknown; isArray: boolean },
      ): unknown;
    };
    parse(
      formula: string,
      position: { sheet: string; row: number; col: number },
      allowReturnArray?: boolean,
    ): unknown;
  }
  namespace FormulaParser {
    export type { CellRef, RangeRef, ParserConfig };
    export type Error = FormulaError;
  }
  export default FormulaParser;
}

/** The operator table the parser calls at evaluation time (see blankComparison.ts). */
declare module 'fast-formula-parser/formulas/operators.js' {
  type Compare = (
    left: unknown,
    infix: string,
    right: unknown,
    leftIsArray: boolean,
    rightIsArray: boolean,
  ) => unknown;
  const operators: { Infix: { compareOp: Compare } };
  export default operators;
}
