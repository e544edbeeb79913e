import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { prepareCatalogue } from './catalogue.ts';
import { checkOverlap } from './check.ts';
import { parseEvalCase, type OverlapEvalCase } from './evaluate.ts';
import { LABELLED_CASES, P, type LabelledCase } from './labelled-cases.ts';
import { DEFAULT_OVERLAP_RULES, type OverlapRules } from './rules.ts';
import { realCatalogue, realDictionary, realPlatforms, SAMPLE_FILE } from './test-support.ts';
import type { OverlapResult } from './types.ts';

const rules = DEFAULT_OVERLAP_RULES;
const level = (result: OverlapResult, name: string): string | null =>
  result.matches.find((m) => m.name === name)?.level ?? null;
const overlaps = (result: OverlapResult): string[] =>
  result.matches.filter((m) => m.level === 'overlap').map((m) => m.name);

function assertCase(c: LabelledCase | OverlapEvalCase, result: OverlapResult): void {
  for (const name of c.expect)
    assert.equal(level(result, name), 'overlap', `${c.name}: ${name} should be an overlap`);
  const allowed = new Set([...c.expect, ...c.related]);
  for (const name of overlaps(result)) assert.ok(allowed.has(name), `${c.name}: ${name} flagged overlap`);
}

describe(
  'checkOverlap on the published sample',
  { skip: !existsSync(SAMPLE_FILE) && 'sample file not found' },
  () => {
    const lines = existsSync(SAMPLE_FILE)
      ? readFileSync(SAMPLE_FILE, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
      : [];
    for (const line of lines) {
      const c = parseEvalCase(JSON.parse(line)) as OverlapEvalCase;
      it(c.name, () => {
        const result = checkOverlap(c, realCatalogue(), rules);
        assertCase(c, result);
        assert.equal(
          result.verdict,
          c.expect.length > 0 ? 'overlap' : result.verdict === 'clear' ? 'clear' : 'related',
        );
      });
    }
  },
);

describe('checkOverlap on labelled cases', () => {
  for (const kind of ['duplicate', 'counterpart', 'near-miss', 'internal', 'known-weak'] as const) {
    describe(kind, () => {
      for (const c of LABELLED_CASES.filter((x) => x.kind === kind)) {
        it(c.name, () => {
          const result = checkOverlap(c, realCatalogue(), rules);
          assertCase(c, result);
          for (const name of c.mustRelate ?? [])
            assert.notEqual(level(result, name), null, `${name} should be shown`);
          if (kind === 'counterpart' || kind === 'internal' || kind === 'known-weak') {
            for (const name of c.mustRelate ?? []) assert.equal(level(result, name), 'related');
          }
        });
      }
    });
  }
});

describe('the false positive of plain trigram similarity', () => {
  it('tells the national e-procurement network from the national cyber-defence system', () => {
    const bidding = checkOverlap({ name: 'Hệ thống mạng đấu thầu của tỉnh' }, realCatalogue(), rules);
    assert.deepEqual(overlaps(bidding), [P.DAU_THAU]);
    const defence = checkOverlap({ name: 'Hệ thống phòng vệ mạng của tỉnh' }, realCatalogue(), rules);
    assert.deepEqual(overlaps(defence), [P.PHONG_VE_MANG]);
    assert.equal(level(defence, P.DAU_THAU), null);
  });
});

describe('result', () => {
  const result = checkOverlap(
    {
      name: 'Hệ thống đấu thầu qua mạng của tỉnh',
      description: 'Các chủ đầu tư đăng tải thông tin lựa chọn nhà thầu.',
    },
    realCatalogue(),
    rules,
  );

  it('lists overlaps first, best first, with scores in 0..1', () => {
    assert.equal(result.verdict, 'overlap');
    assert.equal(result.matches[0]!.name, P.DAU_THAU);
    const rank = (l: string): number => (l === 'overlap' ? 0 : 1);
    for (let i = 1; i < result.matches.length; i++) {
      const [a, b] = [result.matches[i - 1]!, result.matches[i]!];
      assert.ok(rank(a.level) < rank(b.level) || (a.level === b.level && a.score >= b.score));
    }
    for (const m of result.matches) assert.ok(m.score >= 0 && m.score <= 1);
  });

  it('says which words of the name matched, and whom to contact', () => {
    const match = result.matches[0]!;
    assert.equal(match.platformId, realPlatforms().find((p) => p.name === P.DAU_THAU)!.id);
    const name = match.reasons.find((r) => r.kind === 'name');
    assert.ok(name);
    assert.equal(name.proposalText, 'Hệ thống đấu thầu qua mạng của tỉnh');
    assert.equal(name.platformText, P.DAU_THAU);
    assert.ok(name.matchedTerms.some((t) => t.includes('đấu thầu')));
    assert.ok(name.text.includes(P.DAU_THAU));
    const contact = match.reasons.find((r) => r.kind === 'contact');
    assert.ok(contact?.text.includes('Bộ Tài chính'), "today's owner after the 2025 merger");
  });

  it('is the same for the same input', () => {
    const again = checkOverlap(
      {
        name: 'Hệ thống đấu thầu qua mạng của tỉnh',
        description: 'Các chủ đầu tư đăng tải thông tin lựa chọn nhà thầu.',
      },
      realCatalogue(),
      rules,
    );
    assert.deepEqual(again, result);
  });

  it('is clear with no matches for an unrelated plan', () => {
    const clear = checkOverlap({ name: 'Phần mềm quản lý thư viện trường học' }, realCatalogue(), rules);
    assert.deepEqual(clear, { verdict: 'clear', matches: [] });
  });
});

describe('parts of a proposal', () => {
  it('finds a national platform among the functions of a larger local system', () => {
    const result = checkOverlap(
      {
        name: 'Hệ thống chính quyền số tỉnh',
        functions: [
          'Quản lý văn bản đến, văn bản đi',
          'Tổ chức họp trực tuyến với các xã',
          'Báo cáo thống kê',
        ],
      },
      realCatalogue(),
      rules,
    );
    assert.equal(level(result, P.HOP), 'overlap');
    const reason = result.matches.find((m) => m.name === P.HOP)!.reasons[0]!;
    assert.equal(reason.kind, 'function');
    assert.equal(reason.proposalText, 'Tổ chức họp trực tuyến với các xã');
  });

  it('reads a function that uses a platform as integration, not duplication', () => {
    const result = checkOverlap(
      {
        name: 'Ứng dụng công dân số tỉnh',
        functions: ['Xác thực người dùng qua VNeID', 'Phản ánh kiến nghị'],
      },
      realCatalogue(),
      rules,
    );
    assert.equal(level(result, P.VNEID), 'related');
    assert.equal(level(result, P.DINH_DANH) === 'overlap', false);
    const reasons = result.matches.find((m) => m.name === P.VNEID)!.reasons;
    assert.ok(reasons.some((r) => r.kind === 'integration'));
  });

  it('takes a bracketed short name as another name of the proposal', () => {
    const result = checkOverlap(
      { name: 'Trung tâm giám sát an toàn thông tin (SOC) của tỉnh' },
      realCatalogue(),
      rules,
    );
    assert.equal(level(result, P.SOC), 'overlap');
  });

  it('matches data the proposal would hold against national systems', () => {
    const result = checkOverlap(
      { name: 'Hệ thống quản lý kinh tế tỉnh', data: ['Hồ sơ đăng ký doanh nghiệp'] },
      realCatalogue(),
      rules,
    );
    assert.notEqual(level(result, P.DKDN), null);
    assert.ok(result.matches.find((m) => m.name === P.DKDN)!.reasons.some((r) => r.kind === 'data'));
  });
});

describe('scope', () => {
  it('never makes a ministry-internal system an overlap, and says why', () => {
    const result = checkOverlap({ name: 'Hệ thống thư điện tử công vụ của tỉnh' }, realCatalogue(), rules);
    const match = result.matches.find((m) => m.name === P.THU_CONG_VU)!;
    assert.equal(match.level, 'related');
    assert.ok(match.score >= rules.overlapThreshold, 'the texts do match: only the scope keeps it related');
    assert.ok(match.reasons.some((r) => r.kind === 'scope'));
  });

  it('makes the same system an overlap once it is meant for reuse', () => {
    const reusable = realPlatforms().map((p) =>
      p.name === P.THU_CONG_VU ? { ...p, kind: 'shared_platform' as const, scope: 'nationwide' as const } : p,
    );
    const catalogue = prepareCatalogue(reusable, realDictionary());
    const result = checkOverlap({ name: 'Hệ thống thư điện tử công vụ của tỉnh' }, catalogue, rules);
    assert.equal(level(result, P.THU_CONG_VU), 'overlap');
  });

  it('treats a retired platform as reference only', () => {
    const retired = realPlatforms().map((p) =>
      p.name === P.DAU_THAU ? { ...p, status: 'retired' as const } : p,
    );
    const result = checkOverlap(
      { name: 'Hệ thống đấu thầu qua mạng' },
      prepareCatalogue(retired, realDictionary()),
      rules,
    );
    assert.equal(level(result, P.DAU_THAU), 'related');
  });

  it('can ignore platforms not meant for reuse altogether', () => {
    const ignoring: OverlapRules = { ...rules, notForReuse: 'ignore' };
    const result = checkOverlap({ name: 'Hệ thống thư điện tử công vụ của tỉnh' }, realCatalogue(), ignoring);
    assert.equal(level(result, P.THU_CONG_VU), null);
  });
});

describe('rules as data', () => {
  it("keeps a province's LGSP related to NDXP because of the rule, with its reason", () => {
    const proposal = { name: 'Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Lạng Sơn' };
    const result = checkOverlap(proposal, realCatalogue(), rules);
    const match = result.matches.find((m) => m.name === P.NDXP)!;
    assert.equal(match.level, 'related');
    assert.ok(match.reasons.some((r) => r.kind === 'counterpart' && r.ruleId === 'lgsp'));
    const without: OverlapRules = {
      ...rules,
      counterparts: rules.counterparts.filter((r) => r.id !== 'lgsp'),
    };
    assert.equal(level(checkOverlap(proposal, realCatalogue(), without), P.NDXP), 'overlap');
  });

  it('shows the platform a counterpart must connect to even when the names share little', () => {
    const result = checkOverlap({ name: 'Phần mềm QLVB của UBND tỉnh' }, realCatalogue(), rules);
    assert.equal(level(result, P.TRUC), 'related');
  });

  it('applies a rule the authority adds at run time', () => {
    const withMaps: OverlapRules = {
      ...rules,
      counterparts: [
        ...rules.counterparts,
        {
          id: 'gis',
          proposal: ['bản đồ số'],
          platform: ['bản đồ số'],
          ensureRelated: true,
          reason: 'Bản đồ chuyên đề của tỉnh dùng nền “{platform}”.',
        },
      ],
    };
    const result = checkOverlap({ name: 'Hệ thống bản đồ số tỉnh Gia Lai' }, realCatalogue(), withMaps);
    const match = result.matches.find((m) => m.name === P.BAN_DO)!;
    assert.equal(match.level, 'related');
    assert.ok(match.reasons.some((r) => r.ruleId === 'gis' && r.text.includes('“Bản đồ số”')));
  });

  it('gives the same results with rules that went through JSON', () => {
    const fromJson = JSON.parse(JSON.stringify(rules)) as OverlapRules;
    for (const c of LABELLED_CASES.slice(0, 20)) {
      assert.deepEqual(checkOverlap(c, realCatalogue(), fromJson), checkOverlap(c, realCatalogue(), rules));
    }
  });

  it('follows the thresholds', () => {
    const strict: OverlapRules = { ...rules, overlapThreshold: 1.01 };
    assert.deepEqual(
      overlaps(checkOverlap({ name: 'Cổng dịch vụ công của tỉnh' }, realCatalogue(), strict)),
      [],
    );
    const few: OverlapRules = { ...rules, maxMatches: 1, relatedThreshold: 0.05 };
    assert.equal(checkOverlap({ name: 'Nền tảng học trực tuyến' }, realCatalogue(), few).matches.length, 1);
  });
});
