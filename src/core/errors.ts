/**
 * An error meant for the person using the sheet: its message says what is wrong, where, and how
 * to fix it, so adapters may show it as it is (toast, alert, sidebar inline error, ERROR: cell).
 */
export class OkrInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OkrInputError';
  }
}
