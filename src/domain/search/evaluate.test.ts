import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from './evaluate.ts';

describe('evaluate', () => {
  it('computes hit@1, hit@5 and MRR and lists the misses', () => {
    const report = evaluate(
      [
        { q: 'a', relevant: ['A'] },
        { q: 'b', relevant: ['B', 'B2'], kind: 'x' },
        { q: 'c', relevant: ['C'] },
        { q: 'd', relevant: ['D'] },
      ],
      [['A', 'x'], ['x', 'B2', 'B'], ['1', '2', '3', '4', '5', 'C'], []],
    );
    assert.equal(report.cases, 4);
    assert.equal(report.hitAt1, 0.25);
    assert.equal(report.hitAt5, 0.5);
    assert.equal(report.mrr, (1 + 1 / 2 + 1 / 6) / 4);
    assert.deepEqual(
      report.misses.map((m) => [m.q, m.rank]),
      [
        ['c', 6],
        ['d', null],
      ],
    );
  });

  it('compares names in NFC whatever form they arrive in', () => {
    const report = evaluate([{ q: 'x', relevant: ['Bản đồ số'.normalize('NFD')] }], [['Bản đồ số']]);
    assert.equal(report.hitAt1, 1);
  });

  it('refuses results that do not line up with the cases', () => {
    assert.throws(() => evaluate([{ q: 'x', relevant: [] }], []), RangeError);
  });
});
