/**
 * JSON encoding of emulator state: Dates become { $date: ISO text } and back, so a saved workbook
 * reloads with real Date values in its cells.
 */
import { isDateLike } from './values.js';

export function encodeDates(value: unknown): unknown {
  if (isDateLike(value)) return { $date: new Date(value.getTime()).toISOString() };
  if (Array.isArray(value)) return value.map(encodeDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeDates(item)]));
  }
  return value;
}

export function decodeDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDates);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === '$date' && typeof entries[0]![1] === 'string')
      return new Date(entries[0]![1]);
    return Object.fromEntries(entries.map(([key, item]) => [key, decodeDates(item)]));
  }
  return value;
}
