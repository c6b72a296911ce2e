/**
 * The value input that fits the KR type: a number with its unit, a percentage, yes/no, or the
 * milestone checklist; and reading back what was entered, in the units the server stores.
 */
import type { KeyResultSummary, MilestoneCheck } from '../src/shared/checkIn';
import { byId, element } from './dom';
import { formatDate, formatFraction, formatMeasured } from './format';

/** The field for the KR's value, with its error line (#value-error). */
export function valueField(keyResult: KeyResultSummary): HTMLElement {
  const error = element('span', { className: 'okr-error', attributes: { id: 'value-error' } });
  switch (keyResult.inputKind) {
    case 'binary':
      return binaryField(keyResult, error);
    case 'milestones':
      return milestonesField(keyResult, error);
    default:
      return numberField(keyResult, error);
  }
}

function numberField(keyResult: KeyResultSummary, error: HTMLElement): HTMLElement {
  const percentage = keyResult.inputKind === 'percentage';
  const unit = percentage ? '%' : keyResult.unit;
  const input = element('input', {
    className: 'okr-input value-input__input',
    attributes: {
      id: 'value',
      type: 'number',
      step: 'any',
      inputmode: 'decimal',
      'aria-describedby': 'value-hint value-error',
      required: '',
    },
  });
  if (percentage) {
    input.min = '0';
    input.max = '100';
  }
  const current = keyResult.current;
  if (typeof current === 'number')
    input.value = String(
      percentage ? roundPercent(Math.abs(current) > 1 ? current : current * 100) : current,
    );
  const hint =
    keyResult.target === null
      ? `Now ${formatMeasured(keyResult, current)}`
      : `Now ${formatMeasured(keyResult, current)} · target ${formatMeasured(keyResult, keyResult.target)}`;
  return element('div', { className: 'okr-field' }, [
    element('label', {
      className: 'okr-label',
      text:
        keyResult.inputKind === 'percentage'
          ? 'Value (%)'
          : keyResult.unit
            ? `Value (${keyResult.unit})`
            : 'Value',
      attributes: { for: 'value' },
    }),
    element('div', { className: 'value-input' }, [
      input,
      unit
        ? element('span', {
            className: 'value-input__unit',
            text: unit,
            attributes: { 'aria-hidden': 'true' },
          })
        : null,
    ]),
    element('span', { className: 'okr-hint', text: hint, attributes: { id: 'value-hint' } }),
    error,
  ]);
}

function roundPercent(percent: number): number {
  return Math.round(percent * 100) / 100;
}

function binaryField(keyResult: KeyResultSummary, error: HTMLElement): HTMLElement {
  const option = (value: 'yes' | 'no', text: string) => {
    const input = element('input', {
      attributes: { type: 'radio', name: 'value', value, id: `value-${value}` },
    });
    input.checked =
      (keyResult.current === true) === (value === 'yes') && keyResult.current !== null;
    return element('label', { className: 'choice', attributes: { for: `value-${value}` } }, [
      input,
      element('span', { text }),
    ]);
  };
  return element(
    'fieldset',
    { className: 'okr-field choices', attributes: { 'aria-describedby': 'value-error' } },
    [
      element('legend', { className: 'okr-label', text: 'Is it done?' }),
      element('div', { className: 'choices__row' }, [
        option('yes', 'Yes, done'),
        option('no', 'Not yet'),
      ]),
      error,
    ],
  );
}

function milestonesField(keyResult: KeyResultSummary, error: HTMLElement): HTMLElement {
  const totalWeight = keyResult.milestones.reduce((sum, milestone) => sum + milestone.weight, 0);
  const items = keyResult.milestones.map((milestone, index) => {
    const id = `milestone-${index}`;
    const checkbox = element('input', {
      attributes: { type: 'checkbox', id, 'data-row': String(milestone.row) },
    });
    checkbox.checked = milestone.done;
    const weighted = totalWeight > 0 && keyResult.milestones.some((other) => other.weight !== 1);
    const details = [
      weighted ? `${formatFraction(milestone.weight / totalWeight)} of the work` : '',
      milestone.done && milestone.doneDate ? `done ${formatDate(milestone.doneDate)}` : '',
    ].filter(Boolean);
    return element('li', {}, [
      element('label', { className: 'choice choice--block', attributes: { for: id } }, [
        checkbox,
        element('span', {}, [
          element('span', { text: milestone.milestone }),
          details.length > 0
            ? element('span', { className: 'okr-muted', text: details.join(' · ') })
            : null,
        ]),
      ]),
    ]);
  });
  return element(
    'fieldset',
    { className: 'okr-field choices', attributes: { 'aria-describedby': 'value-error' } },
    [
      element('legend', { className: 'okr-label', text: 'Milestones done' }),
      element('ul', { className: 'milestones' }, items),
      error,
    ],
  );
}

/** The value as the form holds it: a number, yes/no, or null when nothing is entered. */
export function enteredValue(
  form: HTMLFormElement,
  keyResult: KeyResultSummary,
): number | boolean | null {
  if (keyResult.inputKind === 'binary') {
    const checked = form.querySelector<HTMLInputElement>('input[name="value"]:checked');
    return checked ? checked.value === 'yes' : null;
  }
  if (keyResult.inputKind === 'milestones') return null;
  const input = byId<HTMLInputElement>('value');
  if (input.value.trim() === '') return null;
  const number = input.valueAsNumber;
  if (Number.isNaN(number)) return null;
  return keyResult.inputKind === 'percentage' ? number / 100 : number;
}

/** The checklist as ticked, or null for a KR without one. */
export function tickedMilestones(keyResult: KeyResultSummary): MilestoneCheck[] | null {
  if (keyResult.inputKind !== 'milestones') return null;
  return keyResult.milestones.map((milestone, index) => ({
    row: milestone.row,
    milestone: milestone.milestone,
    done: byId<HTMLInputElement>(`milestone-${index}`).checked,
  }));
}
