import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareCatalogue } from './catalogue.ts';
import { findCatalogueDuplicates } from './duplicates.ts';
import { P } from './labelled-cases.ts';
import { DEFAULT_OVERLAP_RULES } from './rules.ts';
import { realDictionary, realPlatforms } from './test-support.ts';

describe('findCatalogueDuplicates', () => {
  const platforms = realPlatforms();
  const ndxp = platforms.find((p) => p.name === P.NDXP)!;
  // NDXP as the 2022 list names it (seed note), recorded a second time.
  const withCopy = [
    ...platforms,
    { ...ndxp, id: 'ndxp-186', name: 'Nền tảng tích hợp, chia sẻ dữ liệu', aliases: [] },
  ];
  const pairs = findCatalogueDuplicates(prepareCatalogue(withCopy, realDictionary()), DEFAULT_OVERLAP_RULES);
  const pair = (a: string, b: string) =>
    pairs.find((p) => (p.a.name === a && p.b.name === b) || (p.a.name === b && p.b.name === a));

  it('finds a platform recorded twice under two names', () => {
    const found = pair(P.NDXP, 'Nền tảng tích hợp, chia sẻ dữ liệu');
    assert.ok(found);
    assert.ok(found.score >= 0.8);
    assert.ok(found.reasons.length > 0 && found.reasons.every((r) => r.text.length > 0));
  });

  it('finds the identification platform and its app', () => {
    assert.ok(pair(P.DINH_DANH, P.VNEID));
  });

  it('leaves distinct platforms alone', () => {
    assert.equal(pair(P.DAU_THAU, P.PHONG_VE_MANG), undefined);
    assert.equal(pair(P.DVC, 'Cổng dữ liệu quốc gia'), undefined);
  });

  it('lists each pair once, best first', () => {
    const keys = pairs.map((p) => [p.a.platformId, p.b.platformId].sort().join('|'));
    assert.equal(new Set(keys).size, keys.length);
    for (let i = 1; i < pairs.length; i++) assert.ok(pairs[i - 1]!.score >= pairs[i]!.score);
    for (const p of pairs) assert.ok(p.score >= DEFAULT_OVERLAP_RULES.duplicateThreshold);
  });
});
