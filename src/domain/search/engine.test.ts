import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDictionary } from '../text/dictionary.ts';
import { createSearchIndex } from './index.ts';
import { dictionary, doc, fixture, ids } from './test-fixture.ts';

describe('query understanding', () => {
  const index = fixture();

  it('matches with or without diacritics, in any case, NFC or NFD', () => {
    for (const q of ['đấu giá', 'dau gia', 'ĐẤU GIÁ', 'DAU GIA', 'đấu giá'.normalize('NFD')]) {
      assert.equal(ids(index, q)[0], 'auction', q);
    }
  });

  it('ranks exact-diacritic matches first when the query has diacritics', () => {
    assert.equal(ids(index, 'đầu')[0], 'invest');
    assert.equal(ids(index, 'đấu')[0], 'auction');
    assert.equal(ids(index, 'dầu')[0], 'oil');
    assert.equal(ids(index, 'sổ')[0], 'notebook');
    assert.equal(ids(index, 'số')[0], 'digital');
    // Typed without diacritics every reading is equally welcome.
    assert.deepEqual([...ids(index, 'dau')].sort(), ['auction', 'invest', 'oil']);
  });

  it('expands abbreviations and synonyms, and says so', () => {
    const csdl = index.search({ q: 'CSDL' });
    assert.equal(csdl.hits[0]?.id, 'oil');
    assert.deepEqual(csdl.hits[0]?.reasons[0], {
      field: 'name',
      kind: 'abbreviation',
      query: 'CSDL',
      matched: 'Cơ sở dữ liệu',
    });
    const cloud = index.search({ q: 'cloud' });
    assert.equal(cloud.hits[0]?.id, 'cloud');
    assert.ok(cloud.hits[0]?.reasons.some((r) => r.kind === 'synonym' && r.matched === 'điện toán đám mây'));
  });

  it('forgives one wrong, missing, extra or swapped letter in longer syllables', () => {
    for (const q of ['dau gai', 'dau gi truc tuyen', 'dau giaa', 'dau gia truc tuyne']) {
      assert.equal(ids(index, q)[0], 'auction', q);
    }
    const typo = index.search({ q: 'truc tuyne' }).hits[0]!;
    assert.ok(typo.reasons.some((r) => r.kind === 'typo' && r.matched === 'tuyến'));
  });

  it('does not guess typos in short syllables', () => {
    assert.deepEqual(ids(index, 'xo'), []);
  });

  it('completes the last word while it is being typed', () => {
    assert.equal(ids(index, 'dien toan dam m')[0], 'cloud');
  });

  it('matches aliases, also run together', () => {
    assert.equal(ids(index, 'e-Note')[0], 'notebook');
    assert.equal(ids(index, 'enote')[0], 'notebook');
  });

  it('matches current and former owners', () => {
    assert.deepEqual(ids(index, 'ke hoach dau tu'), ['invest']);
    assert.ok(ids(index, 'tai chinh').includes('invest'));
  });
});

describe('highlights', () => {
  const index = fixture();

  it('gives UTF-16 ranges into the field text that spell the matched words', () => {
    const hit = index.search({ q: 'dau gia' }).hits[0]!;
    const name = 'Hệ thống đấu giá trực tuyến';
    const h = hit.highlights.find((x) => x.field === 'name')!;
    assert.deepEqual(h.ranges, [[9, 16]]);
    assert.equal(name.slice(9, 16), 'đấu giá');
  });

  it('points into list fields by index and into descriptions', () => {
    const hit = index.search({ q: 'may chu ao' }).hits[0]!;
    assert.equal(hit.id, 'cloud');
    const f = hit.highlights.find((x) => x.field === 'functions')!;
    assert.equal(f.index, 0);
    assert.deepEqual(
      f.ranges.map(([a, b]) => 'Cấp phát máy chủ ảo'.slice(a, b)),
      ['máy chủ ảo'],
    );
  });

  it('refers to the stored NFC text when a document arrives in NFD', () => {
    const nfd = createSearchIndex(dictionary);
    nfd.upsert(doc('x', 'Cổng thông tin đấu thầu'.normalize('NFD')));
    const hit = nfd.search({ q: 'dau thau' }).hits[0]!;
    const [start, end] = hit.highlights[0]!.ranges[0]!;
    assert.equal('Cổng thông tin đấu thầu'.slice(start, end), 'đấu thầu');
  });

  it('always stays inside the field text', () => {
    for (const q of ['he thong', 'CSDL dau khi', 'cloud', 'bo noi vu', 'so hoa ho so', '10/QĐ-TEST']) {
      for (const hit of index.search({ q }).hits) {
        for (const h of hit.highlights) {
          for (const [a, b] of h.ranges) assert.ok(0 <= a && a < b, `${q}: ${a}-${b}`);
        }
      }
    }
  });
});

describe('large-catalogue behaviour, made small', () => {
  // commonList: 1 treats every list as common, as syllables are in a 100k catalogue.
  const terms = buildDictionary([
    { term: 'CSDL', expansions: ['cơ sở dữ liệu'], kind: 'abbreviation' },
    { term: 'bản đồ số', expansions: ['bản đồ điện tử'], kind: 'synonym' },
  ]);
  const index = createSearchIndex(terms, { commonList: 1 });
  index.upsert(doc('map', 'Bản đồ số'));
  index.upsert(doc('emap', 'Bản đồ điện tử địa giới'));
  index.upsert(doc('db', 'Cơ sở dữ liệu văn bản'));
  index.upsert(doc('typo', 'Kho dữ liệu', { aliases: ['CSDLX'] }));
  index.upsert(doc('soc', 'Nền tảng SOC'));
  index.upsert(doc('care', 'Chăm sóc khách hàng'));

  it('keeps entries that meet every word when a rarer synonym also matches', () => {
    assert.deepEqual(ids(index, 'ban do so'), ['map', 'emap']);
  });

  it('does not let a one-entry spelling guess outweigh a dictionary meaning', () => {
    assert.equal(ids(index, 'CSDL văn bản')[0], 'db');
  });

  it('prefers the acronym typed in capitals over a word that folds the same', () => {
    assert.deepEqual(ids(index, 'SOC'), ['soc', 'care']);
  });
});
