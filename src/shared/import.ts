/**
 * The Import OKRs dialog's contract with the server (getImportSources, previewImport, runImport,
 * undoLastImport). It crosses google.script.run, so it is JSON-safe: dates travel as yyyy-mm-dd.
 */
import type { JsonSafe } from './json';

export type ImportSheetInfo = JsonSafe<{
  name: string;
  rows: number;
  columns: number;
  /** True for a sheet the import would read OKRs from: it is offered ticked. */
  looksLikeOkrs: boolean;
}>;

export type ImportSources = JsonSafe<{
  sheets: ImportSheetInfo[];
  /** Every field a column can be mapped to, with its label, in the order the dialog lists them. */
  fields: { field: string; label: string }[];
  /** What "Undo last import" would undo, or null when there is nothing to undo. */
  lastImport: string | null;
}>;

/** What the dialog sends: the sheets to read and the user's corrections. Never trusted. */
export type ImportPayload = JsonSafe<{
  sheets: string[];
  /** Per sheet: field → 0-based column, or null to leave the field out. */
  overrides: { [sheet: string]: { [field: string]: number | null } };
  /** Owner as written → email. */
  ownerEmails: { [owner: string]: string };
  /** The cycle to import as the open one, or null for the latest. */
  cycle: string | null;
}>;

export type ImportCell = string | number | boolean | null;

export type ImportPreview = JsonSafe<{
  layouts: {
    sheet: string;
    /** okrs, objectives, keyResults, updates or ignored. */
    role: string;
    header: string[];
    /** field → 0-based column. */
    mapping: { [field: string]: number };
  }[];
  cycles: string[];
  cycle: string | null;
  counts: {
    objectives: number;
    keyResults: number;
    checkIns: number;
    archivedObjectives: number;
    archivedKeyResults: number;
  };
  /** The first rows of each table as they will be written (header first). */
  tables: { name: string; rows: ImportCell[][]; more: number }[];
  owners: { owner: string; email: string | null; rows: number }[];
  problems: string[];
  /** Sheets of yours renamed so that ours can take their names. */
  renames: { from: string; to: string }[];
}>;

export type ImportResult = JsonSafe<
  | { ok: true; message: string; objectives: number; keyResults: number; checkIns: number }
  | { ok: false; message: string }
>;
