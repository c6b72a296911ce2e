/**
 * JSON encoding of emulator state: Dates become { $date: ISO text } and back, so a saved workbook
 * reloads with real Date values in its cells. Plain loops: a large workbook has millions of values.
 */
import { isDateLike } from './values.js';

export function encodeDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isDateLike(value)) return { $date: new Date(value.getTime()).toISOString() };
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = encodeDates(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    out[key] = encodeDates((value as Record<string, unknown>)[key]);
  return out;
}

export function decodeDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = decodeDates(value[i]);
    return out;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string')
    return new Date(record.$date);
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = decodeDates(record[key]);
  return out;
}
