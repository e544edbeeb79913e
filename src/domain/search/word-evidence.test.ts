import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSearchIndex } from './index.ts';
import { dictionary, doc, ids } from './test-fixture.ts';
import { vietnameseSyllable } from './word-evidence.ts';

// Invented entries (not real platforms): true matches next to entries that only share a syllable.
function index() {
  const i = createSearchIndex(dictionary);
  i.upsert(doc('vaccine', 'Hệ thống quản lý tiêm chủng (TEST)'));
  i.upsert(doc('shared', 'Từ điển dữ liệu dùng chung (TEST)', { description: 'Danh mục dùng chung.' }));
  i.upsert(doc('payment', 'Cổng thanh toán trực tuyến (TEST)'));
  i.upsert(doc('cloud', 'Nền tảng điện toán đám mây (TEST)'));
  i.upsert(doc('hpc', 'Trung tâm tính toán hiệu năng cao (TEST)'));
  i.upsert(doc('inspect', 'Hệ thống thanh tra (TEST)'));
  i.upsert(doc('soc', 'Nền tảng SOC (TEST)', { description: 'Giám sát an ninh mạng.' }));
  return i;
}

describe('multi-syllable queries match words, not stray syllables', () => {
  const i = index();

  it('finds the true match only, with or without diacritics, and through typos', () => {
    for (const q of ['tiêm chủng', 'tiem chung', 'TIÊM CHỦNG', 'tiêm chủgn', 'tiem chugn']) {
      assert.deepEqual(ids(i, q), ['vaccine'], q);
    }
    for (const q of ['thanh toán', 'thanh toan', 'thanh toná', 'thnah toan']) {
      assert.deepEqual(ids(i, q), ['payment'], q);
    }
  });

  it('returns nothing rather than entries sharing one syllable of the word', () => {
    const i2 = createSearchIndex(dictionary);
    i2.upsert(doc('shared', 'Từ điển dữ liệu dùng chung (TEST)'));
    i2.upsert(doc('cloud', 'Nền tảng điện toán đám mây (TEST)'));
    i2.upsert(doc('hpc', 'Trung tâm tính toán hiệu năng cao (TEST)'));
    for (const q of ['tiêm chủng', 'tiem chung', 'thanh toán', 'thanh toan']) {
      assert.deepEqual(ids(i2, q), [], q);
    }
  });

  it('still matches one syllable when the query is one syllable', () => {
    assert.deepEqual(ids(i, 'toán').sort(), ['cloud', 'hpc', 'payment']);
    assert.ok(ids(i, 'chủng').includes('shared'), 'a folded match is still a match, ranked lower');
    assert.equal(ids(i, 'chủng')[0], 'vaccine');
  });

  it('keeps a stand-alone word met alone: an acronym among ordinary words', () => {
    assert.deepEqual(ids(i, 'SOC tỉnh'), ['soc']);
    assert.deepEqual(ids(i, 'đám mây cloud'), ['cloud']);
  });

  it('keeps entries meeting every word of the query, scattered', () => {
    const i3 = createSearchIndex(dictionary);
    i3.upsert(doc('both', 'Thanh tra tài chính (TEST)', { description: 'Tính toán số liệu.' }));
    i3.upsert(doc('one', 'Điện toán (TEST)'));
    assert.deepEqual(ids(i3, 'thanh toán'), ['both']);
  });
});

describe('vietnameseSyllable', () => {
  it('tells a syllable of a Vietnamese word from a foreign word, an acronym or a number', () => {
    for (const s of [
      'chung',
      'thanh',
      'nghieng',
      'khuyen',
      'gi',
      'a',
      'uong',
      'quoc',
      'soc',
      'nguoi',
      'khuya',
      'ruou',
    ]) {
      assert.ok(vietnameseSyllable(s), s);
    }
    for (const s of ['blockchain', 'cloud', 'vneid', 'dvc', '2765', 'email', 'ndxp', 'hpc', 'thuaa', 'dos']) {
      assert.ok(!vietnameseSyllable(s), s);
    }
  });
});
