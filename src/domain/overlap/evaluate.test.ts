import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateOverlap, parseEvalCase, type OverlapEvalCase } from './evaluate.ts';
import type { OverlapLevel, OverlapResult } from './types.ts';

const result = (...matches: [string, OverlapLevel][]): OverlapResult => ({
  verdict: matches.some(([, l]) => l === 'overlap') ? 'overlap' : matches.length ? 'related' : 'clear',
  matches: matches.map(([name, level]) => ({ platformId: name, name, level, score: 0.7, reasons: [] })),
});

describe('evaluateOverlap', () => {
  const cases: OverlapEvalCase[] = [
    { name: 'a', expect: ['A'], related: ['R'] },
    { name: 'b', expect: ['B', 'C'], related: [] },
    { name: 'c', expect: [], related: ['R'] },
    { name: 'd', expect: [], related: [] },
  ];
  const report = evaluateOverlap(cases, [
    result(['A', 'overlap'], ['R', 'overlap']),
    result(['B', 'overlap'], ['C', 'related']),
    result(['R', 'related']),
    result(['X', 'overlap']),
  ]);

  it('counts recall per proposal and per platform', () => {
    assert.equal(report.recall, 1 / 2);
    assert.equal(report.platformRecall, 2 / 3);
  });

  it('counts an allowed related platform flagged overlap as no error', () => {
    assert.equal(report.precision, 3 / 4);
    assert.equal(report.relatedFlaggedAsOverlap, 1);
  });

  it('lists every error with its kind', () => {
    assert.deepEqual(
      report.errors.map((e) => [e.case, e.kind, e.platform, e.level]),
      [
        [1, 'missed', 'C', 'related'],
        [3, 'false_overlap', 'X', 'overlap'],
      ],
    );
    assert.equal(report.clearCases, 2);
    assert.equal(report.clearCorrect, 1);
  });

  it('compares names in NFC', () => {
    const nfd = 'Cổng Dịch vụ công quốc gia'.normalize('NFD');
    const r = evaluateOverlap(
      [{ name: 'x', expect: [nfd], related: [] }],
      [result(['Cổng Dịch vụ công quốc gia', 'overlap'])],
    );
    assert.equal(r.recall, 1);
  });

  it('needs one result per case', () => {
    assert.throws(() => evaluateOverlap(cases, []), RangeError);
  });
});

describe('parseEvalCase', () => {
  it('reads a sample line and says what is wrong with a bad one', () => {
    const ok = parseEvalCase({ name: 'n', description: 'd', expect: ['A'], related: [], kind: 'duplicate' });
    assert.deepEqual(ok, {
      name: 'n',
      description: 'd',
      functions: undefined,
      data: undefined,
      expect: ['A'],
      related: [],
      kind: 'duplicate',
    });
    assert.equal(typeof parseEvalCase({ expect: [] }), 'string');
    assert.equal(typeof parseEvalCase({ name: 'n', expect: 'A' }), 'string');
    assert.equal(typeof parseEvalCase(null), 'string');
    assert.deepEqual((parseEvalCase({ name: 'n', expect: [] }) as OverlapEvalCase).related, []);
  });
});
