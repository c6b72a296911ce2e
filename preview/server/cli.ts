/** Command-line options of `npm start` (tsx preview/server/main.ts). */

export interface CliOptions {
  port: number;
  workbook: string | null;
  example: 'okrs' | 'company';
  /** A team's own .xlsx or .csv to open instead of the example. */
  importFile: string | null;
}

export const USAGE = `Usage: npm start -- [--port N] [--workbook FILE] [--example okrs|company] [--import FILE]
  --port N         port to serve on (default 8080; 0 picks a free port)
  --example NAME   okrs (default): one team's example OKRs; company: a company spreadsheet rolling up three team spreadsheets
  --workbook FILE  keep the workbook in FILE: loaded at start when it exists, saved after every change
  --import FILE    open your own OKR spreadsheet (.xlsx from Excel or Google Sheets, or .csv) instead
                   of the example, to try Extensions > OKR Cadence > Import OKRs… on it`;

export function parseCliOptions(argv: string[]): CliOptions {
  const options: CliOptions = {
    port: 8080,
    workbook: null,
    example: 'okrs',
    importFile: null,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value.\n${USAGE}`);
      return next;
    };
    if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port must be a whole number from 0 to 65535.\n${USAGE}`);
      options.port = port;
    } else if (flag === '--example') {
      const example = value();
      if (example !== 'okrs' && example !== 'company')
        throw new Error(`--example must be okrs or company.\n${USAGE}`);
      options.example = example;
    } else if (flag === '--import') {
      options.importFile = value();
    } else if (flag === '--workbook') {
      options.workbook = value();
    } else if (flag === '--help' || flag === '-h') {
      throw new Error(USAGE);
    } else {
      throw new Error(`Unknown option "${arg}".\n${USAGE}`);
    }
  }
  return options;
}
