import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVi } from '../text/vietnamese.ts';
import { createSearchIndex } from './index.ts';
import { dictionary, doc, fixture, ids } from './test-fixture.ts';
describe('facets and filters', () => {
  const index = fixture();

  it('counts each facet over the matched entries', () => {
    const r = index.search({ q: 'he thong' });
    assert.equal(r.total, 2);
    assert.deepEqual(r.facets.owner, [
      { value: 'Bộ Tài chính', count: 1 },
      { value: 'Bộ Tư pháp', count: 1 },
    ]);
  });

  it('filters combine with the query; a facet ignores its own filter in its counts', () => {
    const r = index.search({ q: 'nen tang', filters: { owner: ['Bộ Nội vụ'] } });
    assert.deepEqual(
      r.hits.map((h) => h.id),
      ['digital'],
    );
    assert.equal(r.total, 1);
    assert.deepEqual(r.facets.owner, [
      { value: 'Bộ Công an', count: 1 },
      { value: 'Bộ Nội vụ', count: 1 },
    ]);
    assert.deepEqual(r.facets.kind, [{ value: 'shared_platform', count: 1 }]);
  });

  it('counts every edition of an entry and filters on any of them', () => {
    const r = index.search({ q: '', filters: { edition: ['20/QĐ-TEST'] } });
    assert.deepEqual(
      r.hits.map((h) => h.id),
      ['cloud'],
    );
    assert.deepEqual(index.search({ q: '' }).facets.edition, [
      { value: '10/QĐ-TEST', count: 2 },
      { value: '20/QĐ-TEST', count: 1 },
    ]);
  });

  it('ANDs across facets and ORs within one', () => {
    const either = index.search({ q: '', filters: { owner: ['Bộ Nội vụ', 'Bộ Công an'] } });
    assert.equal(either.total, 3);
    const both = index.search({
      q: '',
      filters: { owner: ['Bộ Nội vụ', 'Bộ Công an'], kind: ['national_database'] },
    });
    assert.equal(both.total, 0);
    const unknown = index.search({ q: '', filters: { owner: ['Bộ không có'] } });
    assert.equal(unknown.total, 0);
  });
});

describe('empty query', () => {
  const index = fixture();

  it('returns every entry in Vietnamese order of sortName or name, with facets', () => {
    const r = index.search({ q: '   ' });
    assert.equal(r.total, 6);
    const key = (id: string): string => (id === 'digital' ? 'A first by sort name' : '');
    const names = new Map(
      [
        ['auction', 'Hệ thống đấu giá trực tuyến'],
        ['invest', 'Hệ thống thông tin đầu tư'],
        ['oil', 'Cơ sở dữ liệu dầu khí'],
        ['cloud', 'Nền tảng điện toán đám mây'],
        ['notebook', 'Sổ tay điện tử cán bộ'],
        ['digital', 'Nền tảng số hóa hồ sơ'],
      ].map(([id, name]) => [id!, key(id!) || name!]),
    );
    const expected = [...names.keys()].sort((a, b) => compareVi(names.get(a)!, names.get(b)!));
    assert.deepEqual(
      r.hits.map((h) => h.id),
      expected,
    );
    assert.equal(
      r.facets.owner.reduce((n, f) => n + f.count, 0),
      6,
    );
  });

  it('pages with limit and offset', () => {
    const all = ids(index, '');
    assert.deepEqual(ids(index, '', { limit: 2, offset: 2 }), all.slice(2, 4));
    assert.deepEqual(ids(index, '', { limit: 0 }), []);
  });
});

describe('freshness', () => {
  it('makes an upsert searchable at once and forgets the old text', () => {
    const index = fixture();
    index.upsert(
      doc('auction', 'Hệ thống quản lý bán đấu giá tài sản công', { ownerNames: ['Bộ Tài chính'] }),
    );
    assert.equal(index.size, 6);
    assert.deepEqual(ids(index, 'truc tuyen'), []);
    assert.equal(ids(index, 'tai san cong')[0], 'auction');
    assert.equal(index.search({ q: '', filters: { owner: ['Bộ Tư pháp'] } }).total, 0);
  });

  it('removes entries from results, facets and suggestions', () => {
    const index = fixture();
    assert.equal(index.remove('cloud'), true);
    assert.equal(index.remove('cloud'), false);
    assert.equal(index.size, 5);
    assert.deepEqual(ids(index, 'cloud'), []);
    assert.deepEqual(index.search({ q: '' }).facets.edition, [{ value: '10/QĐ-TEST', count: 1 }]);
    assert.deepEqual(index.suggest('nen tang d', 5), []);
  });

  it('stays correct through many replacements (compaction)', () => {
    const index = createSearchIndex(dictionary);
    for (let round = 0; round < 3; round++) {
      const word = ['một', 'hai', 'ba'][round]!;
      for (let i = 0; i < 1500; i++) index.upsert(doc(`d${i}`, `Nền tảng thử nghiệm số ${i} vòng ${word}`));
    }
    for (let i = 0; i < 1500; i += 2) index.remove(`d${i}`);
    assert.equal(index.size, 750);
    const r = index.search({ q: 'thu nghiem vong ba', limit: 1000 });
    assert.equal(r.total, 750);
    assert.ok(r.hits.every((h) => Number(h.id.slice(1)) % 2 === 1));
    assert.equal(index.search({ q: 'hai' }).total, 0);
    assert.deepEqual(ids(index, '1499 vong ba'), ['d1499']);
  });
});

describe('hostile input', () => {
  const index = fixture();
  const inputs = [
    'a'.repeat(10_000),
    'đấu giá '.repeat(1_500),
    '\u0000\u0001\u0007\u001b[31m đấu\u0000giá',
    '\uD800\uDC00\uDFFF\uD800 dau gia',
    ".*+?^${}()|[]\\ ' OR 1=1; DROP TABLE platforms; --",
    '%_%\\%',
    '\u202Edau gia\u202C',
  ];
  for (const q of inputs) {
    it(`answers normally and quickly: ${JSON.stringify(q.slice(0, 30))}`, () => {
      const started = performance.now();
      const r = index.search({ q, limit: 5 });
      assert.ok(performance.now() - started < 200);
      assert.ok(Array.isArray(r.hits) && r.total >= 0);
      index.suggest(q, 5);
    });
  }

  it('still finds what the readable part asks for', () => {
    assert.equal(ids(index, '\u0000dau\u0007 gia\uD800')[0], 'auction');
  });

  it('ignores nonsense limits and offsets', () => {
    const r = index.search({ q: '', limit: -5, offset: Number.NaN });
    assert.equal(r.hits.length, 0);
    assert.equal(index.search({ q: '', limit: 1e9 }).hits.length, 6);
  });
});

describe('did you mean', () => {
  const index = fixture();

  it('searches one-letter slips silently', () => {
    const r = index.search({ q: 'dien toaan dam mayy' });
    assert.equal(r.hits[0]?.id, 'cloud');
    assert.equal(r.didYouMean, null);
  });

  it('offers the closest known spelling for a word that matched nothing', () => {
    const none = index.search({ q: 'tuyeenn' });
    assert.equal(none.total, 0);
    assert.equal(none.didYouMean, 'tuyen');
    const partly = index.search({ q: 'đấu giá trực tuyeenn' });
    assert.equal(partly.hits[0]?.id, 'auction');
    assert.equal(partly.didYouMean, 'đấu giá trực tuyến');
  });

  it('stays quiet for words that are nowhere near', () => {
    const r = index.search({ q: 'xyzzy' });
    assert.equal(r.total, 0);
    assert.equal(r.didYouMean, null);
  });
});

describe('suggest', () => {
  const index = fixture();

  it('completes names from folded syllable prefixes, names starting with the text first', () => {
    assert.deepEqual(
      index.suggest('nen tang d', 5).map((s) => s.id),
      ['cloud'],
    );
    assert.deepEqual(
      index.suggest('NỀN', 5).map((s) => s.id),
      ['digital', 'cloud'],
    );
    assert.deepEqual(
      index
        .suggest('dau', 5)
        .map((s) => s.id)
        .sort(),
      ['auction', 'invest', 'oil'],
    );
  });

  it('completes aliases and respects the limit', () => {
    assert.deepEqual(index.suggest('e-no', 5), [{ id: 'notebook', name: 'Sổ tay điện tử cán bộ' }]);
    assert.equal(index.suggest('h', 1).length, 1);
    assert.deepEqual(index.suggest('', 5), []);
    assert.deepEqual(index.suggest('zzz', 5), []);
  });
});
