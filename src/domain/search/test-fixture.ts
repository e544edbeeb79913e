import { buildDictionary } from '../text/dictionary.ts';
import { createSearchIndex, type SearchDocument, type SearchIndex } from './index.ts';

// Invented test entries (not real platforms): small enough to reason about every ranking.
export function doc(id: string, name: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    name,
    nameEn: null,
    aliases: [],
    description: '',
    functions: [],
    ownerNames: [],
    editions: [],
    ...extra,
    facets: {
      owner: extra.ownerNames?.[0] ?? null,
      kind: 'shared_platform',
      scope: 'nationwide',
      status: null,
      editions: extra.editions ?? [],
      ndxp: 'unknown',
      ndop: 'unknown',
      ...extra.facets,
    },
  };
}

export const dictionary = buildDictionary([
  { term: 'CSDL', expansions: ['cơ sở dữ liệu'], kind: 'abbreviation' },
  { term: 'điện toán đám mây', expansions: ['cloud'], kind: 'synonym' },
]);

export function fixture(): SearchIndex {
  const index = createSearchIndex(dictionary);
  index.upsert(
    doc('auction', 'Hệ thống đấu giá trực tuyến', { ownerNames: ['Bộ Tư pháp'], editions: ['10/QĐ-TEST'] }),
  );
  index.upsert(
    doc('invest', 'Hệ thống thông tin đầu tư', { ownerNames: ['Bộ Tài chính', 'Bộ Kế hoạch và Đầu tư'] }),
  );
  index.upsert(
    doc('oil', 'Cơ sở dữ liệu dầu khí', {
      ownerNames: ['Bộ Công Thương'],
      facets: { kind: 'national_database' } as never,
    }),
  );
  index.upsert(
    doc('cloud', 'Nền tảng điện toán đám mây', {
      ownerNames: ['Bộ Công an'],
      description: 'Hạ tầng cloud dùng chung cho các bộ, ngành.',
      functions: ['Cấp phát máy chủ ảo'],
      editions: ['10/QĐ-TEST', '20/QĐ-TEST'],
    }),
  );
  index.upsert(doc('notebook', 'Sổ tay điện tử cán bộ', { ownerNames: ['Bộ Nội vụ'], aliases: ['e-Note'] }));
  index.upsert(
    doc('digital', 'Nền tảng số hóa hồ sơ', { ownerNames: ['Bộ Nội vụ'], sortName: 'A first by sort name' }),
  );
  return index;
}

export const ids = (index: SearchIndex, q: string, extra: object = {}): string[] =>
  index.search({ q, limit: 20, ...extra }).hits.map((h) => h.id);
