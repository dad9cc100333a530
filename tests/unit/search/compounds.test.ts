import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLexicon, splitCompound } from '../../../src/search/compounds.js';
import { PackedWords } from '../../../src/search/packed-words.js';

describe('PackedWords (the compact word list compound splitting looks words up in)', () => {
  it('knows exactly the words it was given, as a Set would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }),
        (words, probes) => {
          const packed = PackedWords.of(words);
          const set = new Set(words);
          expect(packed.size).toBe(set.size);
          for (const word of [...words, ...probes]) expect(packed.has(word)).toBe(set.has(word));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells a word from its prefixes and extensions', () => {
    const packed = PackedWords.of(['barn', 'barnfattigdom', 'fattigdom']);
    expect(['barn', 'barnfattigdom', 'fattigdom'].map((w) => packed.has(w))).toEqual([true, true, true]);
    expect(['bar', 'barnf', 'fattig', 'fattigdomen', ''].map((w) => packed.has(w))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('survives the trip to another thread and back in its packed form', () => {
    const packed = PackedWords.of(['ungdom', 'mottagning']);
    const copy = PackedWords.fromPacked(structuredClone(packed.packed));
    expect(copy.has('mottagning')).toBe(true);
    expect(copy.has('ungdoms')).toBe(false);
  });
});

describe('the Swedish lexicon read into packed word lists', () => {
  // The real dictionary (dictionary-sv): the splits the search relies on still come out.
  const lexicon = loadLexicon();

  it.each([
    ['ungdomsmottagning', ['ungdom', 'mottagning']],
    ['barnfattigdom', ['barn', 'fattigdom']],
    ['missbruksvard', ['missbruk', 'vard']],
  ])('splits %s into %j', (word, parts) => {
    expect(splitCompound(lexicon, word)).toEqual(parts);
  });

  it('leaves a plain word alone', () => {
    expect(splitCompound(lexicon, 'ensamhet')).toEqual([]);
  });
});
