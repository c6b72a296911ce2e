/**
 * All-or-nothing writes for operations that change several sheets. Apps Script has no
 * transactions, so each write is one service call recorded with the call that takes it back; when
 * a later call fails, the journal runs the undo calls newest first and the workbook is as it was.
 */
import { OkrInputError } from '../core/errors';

export class WriteJournal {
  private readonly undos: { what: () => string; undo: () => void }[] = [];

  /**
   * Runs one write (a single service call) and remembers how to take it back. `what` names the
   * write for the error message, and is only called if taking it back fails.
   */
  write<T>(what: () => string, action: () => T, undo: () => void): T {
    const result = action();
    this.undos.push({ what, undo });
    return result;
  }

  /** Takes back every recorded write, newest first; returns the steps that could not be undone. */
  rollBack(): string[] {
    const failed: string[] = [];
    for (const { what, undo } of this.undos.splice(0).reverse()) {
      try {
        undo();
      } catch {
        failed.push(what());
      }
    }
    return failed;
  }
}

/**
 * Runs `change` with a journal: on success its writes stay, on any error they are taken back and
 * the error is raised again with what happened to the workbook. `action` names the operation for
 * people ("Closing the cycle").
 */
export function allOrNothing<T>(action: string, change: (journal: WriteJournal) => T): T {
  const journal = new WriteJournal();
  try {
    return change(journal);
  } catch (error) {
    const failed = journal.rollBack();
    if (error instanceof OkrInputError && failed.length === 0) throw error;
    const message = (error as { message?: unknown } | null)?.message;
    const reason = typeof message === 'string' ? message : String(error);
    throw new OkrInputError(
      failed.length === 0
        ? `${action} stopped (${reason}). Nothing was changed; try again.`
        : `${action} stopped (${reason}) and could not take back: ${failed.join('; ')}. ` +
            'Use Edit → Version history to restore the spreadsheet if needed.',
    );
  }
}
