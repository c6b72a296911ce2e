/** Command-line options of `npm start` (tsx preview/server/main.ts). */

export interface CliOptions {
  port: number;
  workbook: string | null;
  example: 'okrs' | 'company';
}

export const USAGE = `Usage: npm start -- [--port N] [--workbook FILE] [--example okrs|company]
  --port N         port to serve on (default 8080; 0 picks a free port)
  --example NAME   okrs (default): one team's example OKRs; company: a company spreadsheet rolling up three team spreadsheets
  --workbook FILE  keep the workbook in FILE: loaded at start when it exists, saved after every change`;

export function parseCliOptions(argv: string[]): CliOptions {
  const options: CliOptions = { port: 8080, workbook: null, example: 'okrs' };
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
