import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkOverlap } from './check.ts';
import { LABELLED_CASES, P } from './labelled-cases.ts';
import { DEFAULT_OVERLAP_RULES } from './rules.ts';
import { realCatalogue } from './test-support.ts';
import type { OverlapProposal, OverlapResult } from './types.ts';

// Proposals pasted from spreadsheets, formula syntax included (CSV injection style): only the
// words a person wrote may count, so each gets the verdict and matches of its plain wording.
const PREFIXES = [
  '=HYPERLINK("http://x";"a") ',
  '=HYPERLINK("http://example.com") ',
  '+',
  '-',
  '@SUM(A1:B2) ',
  "=cmd|' /C calc'!A0 ",
];

const check = (p: OverlapProposal): OverlapResult => checkOverlap(p, realCatalogue(), DEFAULT_OVERLAP_RULES);
const summary = (r: OverlapResult): string[] => [
  r.verdict,
  ...r.matches.map((m) => `${m.level} ${m.score} ${m.name}`),
];

describe('formula-prefixed proposals', () => {
  it('the reported one: same verdict and matches as the plain name, no unrelated platform', () => {
    const plain = check({ name: 'Hệ thống đấu thầu qua mạng của tỉnh' });
    const pasted = check({ name: '=HYPERLINK("http://x";"a") Hệ thống đấu thầu qua mạng của tỉnh' });
    assert.deepEqual(summary(pasted), summary(plain));
    assert.deepEqual(
      pasted.matches.filter((m) => m.level === 'overlap').map((m) => m.name),
      [P.DAU_THAU],
    );
    for (const reason of pasted.matches[0]!.reasons) assert.ok(!JSON.stringify(reason).includes('HYPERLINK'));
  });

  it('a formula with nothing human in it is clear', () => {
    assert.equal(check({ name: '=HYPERLINK("http://x";"a")' }).verdict, 'clear');
    assert.equal(check({ name: '=IMPORTXML("http://x/y","//a")', functions: ['=A1+B2'] }).verdict, 'clear');
  });

  it('every prefix, on the name and on each function, for the labelled cases', () => {
    for (const c of LABELLED_CASES.filter((_, i) => i % 4 === 0)) {
      const plain = summary(check(c));
      PREFIXES.forEach((prefix, k) => {
        const pasted = {
          ...c,
          name: prefix + c.name,
          functions: c.functions?.map((f, i) => ((i + k) % 2 === 0 ? prefix + f : f)),
          description: c.description === undefined ? undefined : `${PREFIXES[k]}${c.description} http://x.vn`,
        };
        assert.deepEqual(summary(check(pasted)), plain, `${prefix}${c.name}`);
      });
    }
  });
});
