import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDictionary } from '../text/dictionary.ts';
import { foldVi } from '../text/vietnamese.ts';
import { derivePlatformFields } from '../../seed/derive-platform.ts';
import { readSeed } from '../../seed/read-seed.ts';
import { readTermEntries } from '../../seed/read-terms.ts';
import { catalogueSearchDocuments, createSearchIndex, type SearchDocument } from './index.ts';

// Hard negatives on the real seeded catalogue: queries whose words the catalogue does not have,
// or has only as a syllable of another word ("dùng chung" for "tiêm chủng", "điện toán" for
// "thanh toán"). A platform that shares one syllable of the query's word is not a result.
const docs = catalogueSearchDocuments(readSeed(), derivePlatformFields);
const index = createSearchIndex(buildDictionary(readTermEntries()));
for (const doc of docs) index.upsert(doc);
const byId = new Map(docs.map((d) => [d.id, d]));

function text(doc: SearchDocument): string {
  const all = [
    doc.name,
    doc.nameEn ?? '',
    ...doc.aliases,
    doc.description,
    ...doc.functions,
    ...doc.ownerNames,
  ];
  return ` ${foldVi(all.join(' | ')).replace(/[^a-z0-9]+/g, ' ')} `;
}

function found(q: string, limit = 5): SearchDocument[] {
  return index.search({ q, limit }).hits.map((h) => byId.get(h.id)!);
}

describe('words, not stray syllables, on the real catalogue', () => {
  const unrelated: [q: string, word: string, notThese: string[]][] = [
    ['tiêm chủng', 'tiem chung', ['Hệ thống từ điển dữ liệu dùng chung quốc gia']],
    ['tiem chung', 'tiem chung', ['Hệ thống từ điển dữ liệu dùng chung quốc gia']],
    ['thanh toán', 'thanh toan', ['Điện toán đám mây Chính phủ', 'Trung tâm tính toán hiệu năng cao']],
    ['thanh toan', 'thanh toan', ['Điện toán đám mây Chính phủ', 'Trung tâm tính toán hiệu năng cao']],
    ['bảo hiểm xã hội', 'bao hiem', ['Hệ thống thông tin báo cáo Chính phủ']],
    ['đất đai', 'dat dai', ['Hệ thống mạng đấu thầu quốc gia', 'Hệ thống quản lý đấu giá tài sản']],
    ['hộ tịch', 'ho tich', ['Hệ thống Văn phòng điện tử và cơ sở dữ liệu văn bản, hồ sơ, tài liệu']],
    ['giáo dục', 'giao duc', []],
    ['thanh tra', 'thanh tra', ['Trợ lý ảo quốc gia']],
  ];
  for (const [q, word, notThese] of unrelated) {
    it(`"${q}": only entries that have the word "${word}"`, () => {
      const hits = found(q, 20);
      for (const doc of hits) assert.ok(text(doc).includes(` ${word} `), `${q}: ${doc.name}`);
      for (const name of notThese) assert.ok(!hits.some((d) => d.name === name), `${q}: ${name}`);
    });
  }

  const strays: [q: string, notThese: string[]][] = [
    ['điện toán', ['Trung tâm tính toán hiệu năng cao']],
    ['báo cáo', ['Hệ thống thư điện tử phục vụ tiếp nhận thông báo do cơ quan nhà nước gửi đến']],
    ['cong dich vu', ['Hệ thống thư điện tử công vụ', 'PC-Covid']],
    ['bản đồ', ['Hệ thống theo dõi nhiệm vụ do Chính phủ và Thủ tướng Chính phủ giao']],
    ['chữ ký số', ['Địa chỉ số', 'Điện toán đám mây Chính phủ']],
    ['tài sản công', ['Sàn dữ liệu']],
    ['thanh toán điện tử', ['Điện toán đám mây Chính phủ', 'Trung tâm tính toán hiệu năng cao']],
  ];
  for (const [q, notThese] of strays) {
    it(`"${q}": not the entries that share one syllable of it`, () => {
      const names = found(q, 20).map((d) => d.name);
      for (const name of notThese)
        assert.ok(!names.includes(name), `${q}: ${name} in ${JSON.stringify(names)}`);
    });
  }

  it('offers no "did you mean" that only swaps in a stray syllable ("tiếp chủng")', () => {
    for (const q of ['tiêm chủng', 'tiem chung', 'thanh toán', 'đất đai']) {
      assert.equal(index.search({ q }).didYouMean, null, q);
    }
    // A correction that makes a word with its neighbour is still offered.
    assert.equal(index.search({ q: 'hop truc tuyeenn' }).didYouMean, 'hop truc tuyen');
    assert.equal(index.search({ q: 'tu dien du lieeuu' }).didYouMean, 'tu dien du lieu');
  });

  it('still finds the right platform through slips, first', () => {
    const slips: [q: string, expected: string][] = [
      ['dau thaau', 'Hệ thống mạng đấu thầu quốc gia'],
      ['dau thuaa', 'Hệ thống mạng đấu thầu quốc gia'],
      ['ban dos o', 'Bản đồ số'],
      ['ban ddo so', 'Bản đồ số'],
      ['hpo truc tuyen', 'Nền tảng họp trực tuyến thế hệ mới cho cơ quan nhà nước'],
      ['cong dich vu cogn', 'Cổng Dịch vụ công quốc gia'],
      ['dau gai tai san', 'Hệ thống quản lý đấu giá tài sản'],
      ['phong ve mangg', 'Hệ thống phòng vệ mạng quốc gia'],
    ];
    for (const [q, expected] of slips) assert.equal(found(q)[0]?.name, expected, q);
  });

  it('still finds the words when they are there, typed either way', () => {
    for (const q of ['điện toán', 'dien toan', 'bản đồ', 'ban do', 'báo cáo', 'bao cao']) {
      assert.ok(found(q).length > 0, q);
      for (const doc of found(q)) assert.ok(text(doc).includes(` ${foldVi(q)} `), `${q}: ${doc.name}`);
    }
  });
});
