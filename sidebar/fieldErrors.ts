/**
 * Errors next to the field they name (#NAME-error, aria-invalid on the input), and errors about the
 * whole check-in in the banner above the form (#form-error).
 */
import type { CheckInField, CheckInFieldError } from '../src/shared/checkIn';
import { byId, show } from './dom';

/** The element id each payload field is entered in; null for errors about the whole check-in. */
const FIELD_TARGETS: Record<CheckInField, string | null> = {
  keyResultId: null,
  value: 'value',
  milestones: 'value',
  confidence: 'confidence',
  progress: 'progress',
  plans: 'plans',
  problems: 'problems',
  learnings: 'learnings',
};

export function clearErrors(form: HTMLFormElement): void {
  for (const message of form.querySelectorAll('.okr-error')) message.textContent = '';
  for (const invalid of form.querySelectorAll('[aria-invalid="true"]'))
    invalid.removeAttribute('aria-invalid');
  show(byId('form-error'), false);
}

/** Each error goes next to its field; errors about the whole check-in go above the form. */
export function showErrors(form: HTMLFormElement, errors: readonly CheckInFieldError[]): void {
  clearErrors(form);
  const general: string[] = [];
  let firstInvalid: HTMLElement | null = null;
  for (const error of errors) {
    const target = error.field === null ? null : FIELD_TARGETS[error.field];
    const message = target ? document.getElementById(`${target}-error`) : null;
    if (!target || !message) {
      general.push(error.message);
      continue;
    }
    message.textContent = message.textContent
      ? `${message.textContent} ${error.message}`
      : error.message;
    const input =
      document.getElementById(target) ?? form.querySelector<HTMLElement>(`#value-field input`);
    input?.setAttribute('aria-invalid', 'true');
    firstInvalid ??= input;
  }
  const banner = byId('form-error');
  banner.textContent = general.join(' ');
  show(banner, general.length > 0);
  (firstInvalid ?? (general.length > 0 ? banner : null))?.focus();
}
