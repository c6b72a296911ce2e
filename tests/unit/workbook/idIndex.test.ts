import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idKey } from '../../../src/workbook/cells';
import { idHash, IdIndex } from '../../../src/workbook/idIndex';

/** IDs as people type them: mixed case, stray spaces, accents, the Kelvin sign that folds to "k". */
const typedId = fc.oneof(
  fc.stringMatching(/^[ \t]{0,2}[A-Za-z0-9-]{1,6}[ \t]{0,2}$/),
  fc.constantFrom(
    'KR-1',
    'kr-1',
    ' Kr-1 ',
    'K',
    'k',
    '\u212A',
    'Ökr',
    'ökr',
    'İ',
    'i',
    'a b',
    'A B',
  ),
  fc.string({ maxLength: 6 }),
);

describe('IdIndex', () => {
  it('finds an ID whatever its case and surrounding spaces', () => {
    const index = new IdIndex<number>();
    expect(index.addIfAbsent('KR-7', 7)).toBeUndefined();
    expect(index.get(' kr-7 ')).toBe(7);
    expect(index.get('KR-7\t')).toBe(7);
    expect(index.get('KR-8')).toBeUndefined();
  });

  it('keeps the first value of a repeated ID and returns it to the second', () => {
    const index = new IdIndex<string>();
    index.addIfAbsent('O1', 'first');
    expect(index.addIfAbsent('o1', 'second')).toBe('first');
    expect(index.values()).toEqual(['first']);
  });

  it('lists values in the order their IDs were first added, across growth', () => {
    const index = new IdIndex<number>(1);
    for (let i = 0; i < 1000; i++) index.addIfAbsent(`ID-${i}`, i);
    expect(index.values()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(index.get('id-999')).toBe(999);
  });

  it('hashes an ID the same way as its folded form, on the quick path and off it', () => {
    fc.assert(
      fc.property(typedId, (id) => {
        expect(idHash(id)).toBe(idHash(idKey(id)));
      }),
    );
  });

  it('treats two IDs as one exactly when idKey folds them to the same text', () => {
    fc.assert(
      fc.property(fc.array(typedId, { maxLength: 40 }), (ids) => {
        const index = new IdIndex<string>();
        const byKey = new Map<string, string>();
        for (const id of ids) {
          const earlier = index.addIfAbsent(id, id);
          expect(earlier).toBe(byKey.get(idKey(id)));
          if (!byKey.has(idKey(id))) byKey.set(idKey(id), id);
        }
        expect(index.values()).toEqual([...byKey.values()]);
        for (const id of ids) expect(index.get(id)).toBe(byKey.get(idKey(id)));
      }),
    );
  });
});
