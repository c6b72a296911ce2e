/**
 * `npm start`: serves the add-on (dist/Code.js, already built by the npm script) running in the
 * Apps Script emulator on the example workbook, until stopped with Ctrl+C.
 */
import { parseCliOptions } from './cli.js';
import { startPreviewServer } from './server.js';

try {
  const options = parseCliOptions(process.argv.slice(2));
  const preview = await startPreviewServer(options);
  console.log(`OKR Cadence preview: ${preview.url}`);
  if (preview.session.notice) console.log(preview.session.notice);
  console.log(
    options.workbook
      ? `Saving the workbook to ${options.workbook} after every change.`
      : options.importFile
        ? `Workbook: ${options.importFile}, opened fresh (the file itself is never changed).`
        : options.example === 'company'
          ? 'Workbooks: a company spreadsheet rolling up three team spreadsheets (switch with the Spreadsheet menu).'
          : 'Workbook: a fresh copy of the example OKRs (pass --workbook FILE to keep changes).',
  );
  console.log('Press Ctrl+C to stop.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
