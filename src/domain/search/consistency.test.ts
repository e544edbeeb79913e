import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDictionary } from '../text/dictionary.ts';
import { foldedSyllables } from '../text/vietnamese.ts';
import { createSearchIndex, type SearchDocument } from './index.ts';
import { doc } from './test-fixture.ts';

// Random churn (upserts, replacements, removals, compactions) checked against a brute-force
// reading of the same documents: the index must never lose, keep or double an entry.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 4294967296;
  };
}

const WORDS = [
  'hệ',
  'thống',
  'dữ',
  'liệu',
  'đấu',
  'thầu',
  'đầu',
  'tư',
  'cổng',
  'công',
  'bản',
  'đồ',
  'số',
  'sổ',
];
const OWNERS = ['Bộ Công an', 'Bộ Tài chính', 'Bộ Y tế'];

describe('index consistency under churn', () => {
  it('matches a brute-force scan after thousands of random changes', () => {
    const rand = random(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const index = createSearchIndex(buildDictionary([]));
    const live = new Map<string, SearchDocument>();
    for (let step = 0; step < 6000; step++) {
      const id = `d${Math.floor(rand() * 1500)}`;
      if (rand() < 0.25) {
        assert.equal(index.remove(id), live.delete(id));
        continue;
      }
      const name = Array.from({ length: 2 + Math.floor(rand() * 5) }, () => pick(WORDS)).join(' ');
      const d = doc(id, name, { ownerNames: [pick(OWNERS)], description: rand() < 0.3 ? pick(WORDS) : '' });
      index.upsert(d);
      live.set(id, d);
    }
    assert.equal(index.size, live.size);
    for (const word of new Set(WORDS.flatMap((w) => foldedSyllables(w)))) {
      const expected = [...live.values()].filter((d) =>
        foldedSyllables(`${d.name} ${d.description} ${d.ownerNames.join(' ')}`).includes(word),
      ).length;
      // A trailing space: the word is complete, so no completions are added.
      const result = index.search({ q: `${word} `, limit: 0 });
      assert.equal(result.total, expected, word);
    }
    const owners = index.search({ q: '' }).facets.owner;
    for (const owner of OWNERS) {
      const expected = [...live.values()].filter((d) => d.facets.owner === owner).length;
      assert.equal(owners.find((f) => f.value === owner)?.count ?? 0, expected, owner);
    }
  });
});
