/**
 * The Drive around the bound spreadsheet: other spreadsheets (a company's team spreadsheets) and
 * files that are not spreadsheets, each with its owner and the people it is shared with, and the
 * IMPORTRANGE connections each spreadsheet has allowed. Scripts reach these spreadsheets with
 * SpreadsheetApp.openById/openByUrl as the user running them; formulas reach them with IMPORTRANGE
 * once someone allowed access (formulas/importRange.ts).
 */
import { WorkbookModel, type WorkbookData } from './model.js';

/** A person's access to a file. https://developers.google.com/drive/api/guides/ref-roles */
export type DriveRole = 'owner' | 'writer' | 'reader';

/** Google Sheets' MIME type; any other type is a file SpreadsheetApp cannot open. */
export const SPREADSHEET_MIME_TYPE = 'application/vnd.google-apps.spreadsheet';

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  /** The spreadsheet's contents; null for files that are not spreadsheets. */
  workbook: WorkbookModel | null;
  /** Who may open it, by email. */
  access: Map<string, DriveRole>;
  /** In the trash (deleted): nobody opens it any more. */
  trashed: boolean;
}

export interface NewSpreadsheet {
  name: string;
  owner: string;
  /** Default: a fresh id. */
  id?: string;
  timeZone?: string;
  /** Tabs of the new spreadsheet (default one tab, Sheet1). */
  sheetNames?: string[];
  /** Others who may open it, by email. */
  sharedWith?: Record<string, DriveRole>;
}

/** JSON-safe form of the Drive, for toJSON/fromJSON. */
export interface DriveData {
  files: {
    id: string;
    name: string;
    mimeType: string;
    workbook: WorkbookData | null;
    access: Record<string, DriveRole>;
    trashed: boolean;
  }[];
  connections: Record<string, string[]>;
}

let nextFileNumber = 1;

export class DriveModel {
  private readonly files = new Map<string, DriveFile>();
  /** Destination spreadsheet id → ids of the spreadsheets it may import from. */
  private readonly connections = new Map<string, Set<string>>();
  /** Destination id → source id → the source's revision when it last imported it. */
  private readonly imported = new Map<string, Map<string, number>>();
  /** Cells IMPORTRANGE has shipped so far, for benchmarks (reset it freely). */
  cellsImported = 0;

  /** Adds a spreadsheet (owned by `owner`, shared as given) and returns its contents. */
  addSpreadsheet(options: NewSpreadsheet): WorkbookModel {
    const workbook = new WorkbookModel(options.id, options.name, options.timeZone ?? 'Etc/UTC');
    for (const name of options.sheetNames ?? ['Sheet1']) workbook.addSheet(name);
    this.register(workbook, options.owner, options.sharedWith);
    return workbook;
  }

  /** Puts an existing spreadsheet (such as the bound one) on the Drive. */
  register(
    workbook: WorkbookModel,
    owner: string,
    sharedWith: Record<string, DriveRole> = {},
  ): void {
    this.files.set(workbook.id, {
      id: workbook.id,
      name: workbook.name,
      mimeType: SPREADSHEET_MIME_TYPE,
      workbook,
      access: new Map([[owner, 'owner'], ...Object.entries(sharedWith)]),
      trashed: false,
    });
  }

  /** Adds a file that is not a spreadsheet (a document, a PDF). */
  addFile(options: { name: string; owner: string; mimeType: string; id?: string }): DriveFile {
    const file: DriveFile = {
      id: options.id ?? `emulated-file-${nextFileNumber++}`,
      name: options.name,
      mimeType: options.mimeType,
      workbook: null,
      access: new Map([[options.owner, 'owner']]),
      trashed: false,
    };
    this.files.set(file.id, file);
    return file;
  }

  file(id: string): DriveFile | undefined {
    return this.files.get(id);
  }

  /** Every spreadsheet on the Drive, in the order they were added. */
  workbooks(): WorkbookModel[] {
    return [...this.files.values()].flatMap((file) => (file.workbook ? [file.workbook] : []));
  }

  share(id: string, email: string, role: DriveRole): void {
    this.existing(id).access.set(email, role);
  }

  unshare(id: string, email: string): void {
    this.existing(id).access.delete(email);
  }

  trash(id: string): void {
    this.existing(id).trashed = true;
  }

  /** The spreadsheet the user may open, or undefined (missing, trashed, no access, not a spreadsheet). */
  openableBy(id: string, user: string): WorkbookModel | undefined {
    const file = this.files.get(id);
    if (!file || file.trashed || !file.access.has(user)) return undefined;
    return file.workbook ?? undefined;
  }

  canEdit(id: string, user: string): boolean {
    const role = this.files.get(id)?.access.get(user);
    return role === 'owner' || role === 'writer';
  }

  /**
   * "Allow access" on an IMPORTRANGE cell: connects the destination to the source for everyone
   * using the destination. Only someone who may edit the destination and open the source can.
   * https://support.google.com/docs/answer/3093340
   */
  allowImport(destinationId: string, sourceId: string, user: string): void {
    if (!this.canEdit(destinationId, user))
      throw new Error(`allowImport: ${user} cannot edit spreadsheet ${destinationId}.`);
    if (!this.openableBy(sourceId, user))
      throw new Error(`allowImport: ${user} cannot open spreadsheet ${sourceId}.`);
    let sources = this.connections.get(destinationId);
    if (!sources) this.connections.set(destinationId, (sources = new Set()));
    sources.add(sourceId);
  }

  isConnected(destinationId: string, sourceId: string): boolean {
    return this.connections.get(destinationId)?.has(sourceId) ?? false;
  }

  /** Notes that the destination imported `cells` cells of the source at its current revision. */
  recordImport(destinationId: string, source: WorkbookModel, cells: number): void {
    this.cellsImported += cells;
    let sources = this.imported.get(destinationId);
    if (!sources) this.imported.set(destinationId, (sources = new Map()));
    sources.set(source.id, source.revision);
  }

  /**
   * Recalculates every spreadsheet whose imports changed since it last read them, as Sheets
   * refreshes importing spreadsheets after a source is updated (https://support.google.com/docs/answer/3093340,
   * "Technical details"). Returns how many were marked for recalculation.
   */
  refreshImports(): number {
    let refreshed = 0;
    for (const [destinationId, sources] of this.imported) {
      const destination = this.files.get(destinationId)?.workbook;
      if (!destination) continue;
      const changed = [...sources].some(
        ([sourceId, revision]) => this.files.get(sourceId)?.workbook?.revision !== revision,
      );
      if (changed) {
        destination.touch();
        refreshed++;
      }
    }
    return refreshed;
  }

  toData(): DriveData {
    return {
      files: [...this.files.values()].map((file) => ({
        id: file.id,
        name: file.name,
        mimeType: file.mimeType,
        workbook: file.workbook?.toData() ?? null,
        access: Object.fromEntries(file.access),
        trashed: file.trashed,
      })),
      connections: Object.fromEntries(
        [...this.connections].map(([destination, sources]) => [destination, [...sources]]),
      ),
    };
  }

  /** Replaces the contents with saved data; `keep` reuses a workbook already loaded (the bound one). */
  load(data: DriveData, keep?: WorkbookModel): void {
    this.files.clear();
    this.connections.clear();
    this.imported.clear();
    for (const saved of data.files) {
      const workbook =
        saved.workbook === null
          ? null
          : keep?.id === saved.id
            ? keep
            : WorkbookModel.fromData(saved.workbook);
      this.files.set(saved.id, {
        id: saved.id,
        name: saved.name,
        mimeType: saved.mimeType,
        workbook,
        access: new Map(Object.entries(saved.access)),
        trashed: saved.trashed,
      });
    }
    for (const [destination, sources] of Object.entries(data.connections))
      this.connections.set(destination, new Set(sources));
  }

  private existing(id: string): DriveFile {
    const file = this.files.get(id);
    if (!file) throw new Error(`Drive: no file with id ${id}.`);
    return file;
  }
}

/**
 * The spreadsheet id in a Sheets URL (…/spreadsheets/d/ID/…), or null when the text is not one.
 * https://developers.google.com/sheets/api/guides/concepts#spreadsheet
 */
export function spreadsheetIdFromUrl(url: string): string | null {
  return (
    /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url.trim())?.[1] ?? null
  );
}
