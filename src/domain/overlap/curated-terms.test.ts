import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkOverlap } from './check.ts';
import { P } from './labelled-cases.ts';
import { DEFAULT_OVERLAP_RULES } from './rules.ts';
import { realCatalogue } from './test-support.ts';
import type { OverlapResult } from './types.ts';

/**
 * Phrasings of provincial proposals that the curated terms (seed/terms.csv) make the check
 * understand: the wording of the laws and the names systems are commonly called by.
 */
const level = (result: OverlapResult, name: string) =>
  result.matches.find((m) => m.name === name)?.level ?? null;
const check = (name: string) => checkOverlap({ name }, realCatalogue(), DEFAULT_OVERLAP_RULES);

describe('curated terms in overlap checks', () => {
  it('"lựa chọn nhà thầu qua mạng" (the Law on Bidding’s wording) is e-procurement', () => {
    assert.equal(level(check('Phần mềm lựa chọn nhà thầu qua mạng của tỉnh'), P.DAU_THAU), 'overlap');
  });

  it('"phòng, chống tấn công mạng" is cyber defence', () => {
    assert.equal(level(check('Hệ thống phòng, chống tấn công mạng của tỉnh'), P.PHONG_VE_MANG), 'overlap');
  });

  it('a provincial security monitoring centre named in full is the SOC', () => {
    const result = check('Trung tâm giám sát an toàn, an ninh mạng tỉnh');
    assert.equal(level(result, P.SOC), 'overlap');
  });

  it('iOffice / eOffice are document management: related to the national document axis, never an overlap', () => {
    for (const name of ['Hệ thống iOffice của tỉnh', 'Nâng cấp hệ thống eOffice']) {
      const result = check(name);
      assert.equal(level(result, P.TRUC), 'related', name);
      assert.notEqual(result.verdict, 'overlap', name);
    }
  });
});

describe('digital signatures are not electronic identification', () => {
  it('a digital signature system is not flagged as the identification platform', () => {
    for (const name of ['Phần mềm chữ ký số', 'Hệ thống chữ ký số cho cán bộ tỉnh']) {
      const result = check(name);
      assert.notEqual(level(result, P.DINH_DANH), 'overlap', name);
      assert.notEqual(result.verdict, 'overlap', name);
    }
  });
});
