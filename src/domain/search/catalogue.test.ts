import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { buildDictionary } from '../text/dictionary.ts';
import { derivePlatformFields } from '../../seed/derive-platform.ts';
import { readSeed } from '../../seed/read-seed.ts';
import { readTermEntries, splitExpansion } from '../../seed/read-terms.ts';
import {
  catalogueSearchDocuments,
  currentOwner,
  createSearchIndex,
  evaluate,
  type EvalCase,
} from './index.ts';

// The real seeded catalogue (seed/*.csv), searched the way people type.
const seed = readSeed();
const docs = catalogueSearchDocuments(seed, derivePlatformFields);
const index = createSearchIndex(buildDictionary(readTermEntries()));
for (const doc of docs) index.upsert(doc);
const nameOf = new Map(docs.map((d) => [d.id, d.name]));

function names(q: string, limit = 5): string[] {
  return index.search({ q, limit }).hits.map((h) => nameOf.get(h.id)!);
}

function assertTop(q: string, expected: string, within = 5): void {
  const top = names(q, within);
  assert.ok(
    top.includes(expected),
    `"${q}": expected "${expected}" in the top ${within}, got ${JSON.stringify(top)}`,
  );
}

const SAMPLE = fileURLToPath(new URL('../../../../shared/eval/search-sample.jsonl', import.meta.url));

describe('the published sample (shared/eval/search-sample.jsonl)', () => {
  it('ranks a relevant platform in the top 5 for every line', () => {
    assert.ok(existsSync(SAMPLE), `sample not found at ${SAMPLE}`);
    const cases = readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as EvalCase);
    assert.ok(cases.length > 0);
    const report = evaluate(
      cases,
      cases.map((c) => names(c.q, 10)),
    );
    assert.deepEqual(report.misses, []);
  });
});

describe('catalogue mapping', () => {
  it('lists a merged ministry under its successor first, then its old name', () => {
    const doc = docs.find((d) => d.name === 'Hệ thống mạng đấu thầu quốc gia')!;
    assert.deepEqual(doc.ownerNames, ['Bộ Tài chính', 'Bộ Kế hoạch và Đầu tư']);
    assert.equal(doc.facets.owner, 'Bộ Tài chính');
    assert.equal(currentOwner('Bộ Công an', seed.ministries), 'Bộ Công an');
    assert.equal(currentOwner('Bộ Thông tin và Truyền thông', seed.ministries), 'Bộ Khoa học và Công nghệ');
  });

  it('reads curated terms and source abbreviations into one dictionary seed', () => {
    const terms = readTermEntries();
    const ndop = terms.find((t) => t.term === 'NDOP' && t.kind === 'abbreviation')!;
    assert.deepEqual(ndop.expansions, [
      'Nền tảng chia sẻ, điều phối dữ liệu',
      'National Data Orchestration Platform',
    ]);
    assert.ok(
      terms.some(
        (t) => t.term === 'điện toán đám mây' && t.kind === 'synonym' && t.expansions.includes('cloud'),
      ),
    );
    assert.deepEqual(splitExpansion('cơ sở dữ liệu'), ['cơ sở dữ liệu']);
    const curated = readFileSync(fileURLToPath(new URL('../../../seed/terms.csv', import.meta.url)), 'utf8');
    const rows = curated.trim().split('\n').slice(1);
    assert.ok(rows.every((row) => row.includes('curated by the registry team')));
  });
});

describe('people’s phrasing on the real catalogue', () => {
  const cases: [kind: string, q: string, expected: string][] = [
    ['no diacritics', 'dau gia tai san', 'Hệ thống quản lý đấu giá tài sản'],
    ['no diacritics', 'tu dien du lieu', 'Hệ thống từ điển dữ liệu dùng chung quốc gia'],
    ['no diacritics', 'hoc truc tuyen', 'Nền tảng dạy học trực tuyến'],
    ['no diacritics', 'thu dien tu', 'Hệ thống thư điện tử công vụ'],
    ['no diacritics', 'dia chi so', 'Địa chỉ số'],
    ['no diacritics', 'phong ve mang', 'Hệ thống phòng vệ mạng quốc gia'],
    ['no diacritics', 'tinh toan hieu nang cao', 'Trung tâm tính toán hiệu năng cao'],
    ['need', 'giam sat an ninh mang', 'Nền tảng SOC quốc gia thế hệ mới'],
    ['need', 'phan tich du lieu', 'Nền tảng tổng hợp, phân tích dữ liệu'],
    ['need', 'bao cao chinh phu', 'Hệ thống thông tin báo cáo Chính phủ'],
    ['need', 'theo doi nhiem vu', 'Hệ thống theo dõi nhiệm vụ do Chính phủ và Thủ tướng Chính phủ giao'],
    ['need', 'chia se du lieu', 'Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)'],
    ['need', 'luu tru dien tu', 'Hệ thống thông tin và cơ sở dữ liệu lưu trữ điện tử'],
    ['NFD input', 'đấu thầu'.normalize('NFD'), 'Hệ thống mạng đấu thầu quốc gia'],
    ['upper case', 'ĐỊNH DANH ĐIỆN TỬ', 'Nền tảng định danh và xác thực điện tử'],
    ['upper case no diacritics', 'SUC KHOE DIEN TU', 'Sổ sức khỏe điện tử'],
    ['tone placement', 'sức khoẻ', 'Sổ sức khỏe điện tử'],
    ['abbreviation', 'CSDL lưu trữ', 'Hệ thống thông tin và cơ sở dữ liệu lưu trữ điện tử'],
    ['abbreviation', 'DVC', 'Cổng Dịch vụ công quốc gia'],
    ['abbreviation', 'dvcqg', 'Cổng Dịch vụ công quốc gia'],
    ['abbreviation', 'HTTT báo cáo', 'Hệ thống thông tin báo cáo Chính phủ'],
    ['abbreviation', 'TTDLQG', 'Nền tảng điện toán đám mây trong Trung tâm dữ liệu quốc gia'],
    ['abbreviation', 'CQNN họp trực tuyến', 'Nền tảng họp trực tuyến thế hệ mới cho cơ quan nhà nước'],
    ['abbreviation', 'HPC', 'Trung tâm tính toán hiệu năng cao'],
    ['acronym', 'NDOP', 'Nền tảng chia sẻ, điều phối dữ liệu của Trung tâm dữ liệu quốc gia'],
    ['acronym', 'ndxp', 'Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)'],
    ['synonym', 'cloud', 'Điện toán đám mây Chính phủ'],
    ['synonym', 'email', 'Hệ thống thư điện tử công vụ'],
    ['synonym', 'e-mail công vụ', 'Hệ thống thư điện tử công vụ'],
    ['synonym', 'chatbot', 'Trợ lý ảo quốc gia'],
    ['synonym', 'e-learning', 'Nền tảng dạy học trực tuyến'],
    ['synonym', 'chuỗi khối', 'Nền tảng chuỗi khối (blockchain) quốc gia'],
    ['synonym', 'hội nghị trực tuyến', 'Nền tảng họp trực tuyến thế hệ mới cho cơ quan nhà nước'],
    ['synonym', 'siêu máy tính', 'Trung tâm tính toán hiệu năng cao'],
    ['synonym', 'ho so suc khoe', 'Sổ sức khỏe điện tử'],
    ['typo', 'dau thua', 'Hệ thống mạng đấu thầu quốc gia'],
    ['typo', 'dinh dah', 'Nền tảng định danh và xác thực điện tử'],
    ['typo', 'blokchain', 'Nền tảng chuỗi khối (blockchain) quốc gia'],
    ['typo', 'tro ly aoo', 'Trợ lý ảo quốc gia'],
    ['typo', 'ban doo so', 'Bản đồ số'],
    ['i/y variant', 'đăng kí doanh nghiệp', 'Hệ thống thông tin quốc gia về đăng ký doanh nghiệp'],
    ['i/y variant', 'dang ki doanh nghiep', 'Hệ thống thông tin quốc gia về đăng ký doanh nghiệp'],
    ['i/y variant', 'quản lí đấu giá', 'Hệ thống quản lý đấu giá tài sản'],
    ['alias', 'VNeID', 'VNeID'],
    ['alias', 'vneid', 'VNeID'],
    ['alias', 'e-Cabinet', 'Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ (e-Cabinet)'],
    ['alias', 'ecabinet', 'Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ (e-Cabinet)'],
    ['alias', 'MOOCs', 'Nền tảng học kỹ năng trực tuyến mở (MOOCs)'],
    ['alias', 'pc covid', 'PC-Covid'],
    ['edition', '2765/BTTTT-CĐSQG', 'Hệ thống mạng đấu thầu quốc gia'],
  ];
  for (const [kind, q, expected] of cases) {
    it(`${kind}: "${q}"`, () => assertTop(q, expected));
  }

  it('finds an owner’s platforms: "bo cong an" gives only Bộ Công an entries first', () => {
    const result = index.search({ q: 'bo cong an', limit: 10 });
    const owners = result.hits.map((h) => docs.find((d) => d.id === h.id)!.facets.owner);
    assert.ok(
      owners.every((o) => o === 'Bộ Công an'),
      JSON.stringify(owners),
    );
    assert.ok(result.total >= 10);
  });

  it('finds platforms declared under a merged ministry by its old name and by its successor', () => {
    const declared = docs.filter((d) => d.ownerNames.includes('Bộ Kế hoạch và Đầu tư')).map((d) => d.name);
    assert.equal(declared.length, 3);
    for (const q of ['ke hoach dau tu', 'Bộ Kế hoạch và Đầu tư', 'tai chinh', 'bộ tài chính']) {
      const top = names(q, 3);
      assert.deepEqual([...top].sort(), [...declared].sort(), q);
    }
  });

  it('finds entries by the name of their kind (a keyword, not shown as text)', () => {
    const hits = index.search({ q: 'nen tang so dung chung', limit: 5 }).hits;
    assert.equal(hits.length, 5);
    for (const hit of hits) assert.equal(docs.find((d) => d.id === hit.id)!.facets.kind, 'shared_platform');
    assert.ok(hits[1]!.reasons.some((r) => r.field === 'keyword'));
  });

  it('says why an owner query matched: the owner field', () => {
    const hit = index.search({ q: 'tai chinh', limit: 1 }).hits[0]!;
    assert.ok(
      hit.reasons.some((r) => r.field === 'owner' && r.matched === 'Tài chính'),
      JSON.stringify(hit.reasons),
    );
  });
});
