import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_OVERLAP_RULES } from './rules.ts';
import { parseOverlapRules } from './rules-input.ts';

describe('parseOverlapRules', () => {
  it('round-trips the defaults through JSON', () => {
    const result = parseOverlapRules(JSON.parse(JSON.stringify(DEFAULT_OVERLAP_RULES)));
    assert.deepEqual(result, { ok: true, rules: DEFAULT_OVERLAP_RULES });
  });

  it('fills missing settings with defaults', () => {
    const result = parseOverlapRules({ overlapThreshold: 0.6 });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.rules.overlapThreshold, 0.6);
    assert.deepEqual(result.rules.counterparts, DEFAULT_OVERLAP_RULES.counterparts);
    assert.deepEqual(result.rules.evidence, DEFAULT_OVERLAP_RULES.evidence);
  });

  it('names each wrong setting', () => {
    const result = parseOverlapRules({
      overlapThreshold: 2,
      relatedThreshold: 'x',
      notForReuse: 'maybe',
      evidence: { name: { alias: -1 } },
      counterparts: [{ id: '', reason: 'r', proposal: 'not a list' }, 5],
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map((i) => [i.field, i.code]),
      [
        ['evidence.name.alias', 'out_of_range'],
        ['counterparts[0].id', 'required'],
        ['counterparts[0].proposal', 'invalid'],
        ['counterparts[1]', 'not_an_object'],
        ['notForReuse', 'invalid'],
        ['overlapThreshold', 'out_of_range'],
        ['relatedThreshold', 'out_of_range'],
      ],
    );
  });

  it('keeps the related threshold below the overlap threshold', () => {
    const result = parseOverlapRules({ overlapThreshold: 0.4, relatedThreshold: 0.45 });
    assert.deepEqual(result.ok ? [] : result.issues.map((i) => i.field), ['relatedThreshold']);
  });

  it('rejects what is not an object', () => {
    assert.equal(parseOverlapRules([]).ok, false);
    assert.equal(parseOverlapRules(null).ok, false);
  });
});
