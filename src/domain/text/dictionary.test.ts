import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDictionary, findPhrases } from './dictionary.ts';

const dictionary = buildDictionary([
  { term: 'CSDL', expansions: ['cơ sở dữ liệu'], kind: 'abbreviation' },
  { term: 'cloud', expansions: ['điện toán đám mây'], kind: 'synonym' },
  { term: 'Bộ TT&TT', expansions: ['Bộ Thông tin và Truyền thông'], kind: 'abbreviation' },
]);

describe('buildDictionary', () => {
  it('expands abbreviations one way and synonyms both ways', () => {
    assert.deepEqual(dictionary.alternatives.get('csdl'), [['co', 'so', 'du', 'lieu']]);
    assert.equal(dictionary.alternatives.get('co so du lieu'), undefined);
    assert.deepEqual(dictionary.alternatives.get('dien toan dam may'), [['cloud']]);
    assert.deepEqual(dictionary.alternatives.get('bo tt tt'), [
      ['bo', 'thong', 'tin', 'va', 'truyen', 'thong'],
    ]);
  });
});

describe('findPhrases', () => {
  it('finds multi-syllable phrases inside a query', () => {
    const found = findPhrases(['nen', 'tang', 'dien', 'toan', 'dam', 'may', 'csdl'], dictionary);
    assert.deepEqual(
      found.map((m) => [m.start, m.length, m.phrase]),
      [
        [2, 4, 'dien toan dam may'],
        [6, 1, 'csdl'],
      ],
    );
  });
});
