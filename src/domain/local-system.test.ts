import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  forwardBlock,
  localSystemIssues,
  overlapStanding,
  type LocalSystemContent,
  type Resolution,
} from './local-system.ts';

const check = (...overlapping: string[]) => ({
  verdict: overlapping.length > 0 ? ('overlap' as const) : ('clear' as const),
  matches: overlapping.map((platformId) => ({
    platformId,
    name: platformId,
    level: 'overlap' as const,
    score: 0.7,
    reasons: [],
  })),
});
const answer = (status: Resolution['status'], covered: string[], createdAt: string): Resolution => ({
  id: createdAt,
  localSystemId: 's',
  checkId: 1,
  kind: status === 'adopted' ? 'adoption' : 'justification',
  platformId: null,
  coveredPlatformIds: covered,
  justification: null,
  status,
  reviewComment: null,
  reviewedBy: null,
  reviewedAt: null,
  createdBy: null,
  createdAt,
});

describe('comply or explain', () => {
  it('an answer covers the platforms its check found, and no others', () => {
    const accepted = answer('accepted', ['a'], '2026-01-01T00:00:00Z');
    assert.equal(overlapStanding(check('a'), [accepted]), 'justified');
    assert.equal(overlapStanding(check('a', 'b'), [accepted]), 'unresolved');
    assert.equal(overlapStanding(check(), []), 'none');
    assert.equal(overlapStanding(null, []), 'none');
  });

  it('the newest answer decides between pending and rejected; an accepted or adopted one stands', () => {
    const rejected = answer('rejected', ['a'], '2026-01-01T00:00:00Z');
    const pending = answer('pending', ['a'], '2026-01-02T00:00:00Z');
    assert.equal(overlapStanding(check('a'), [rejected]), 'rejected');
    assert.equal(overlapStanding(check('a'), [rejected, pending]), 'pending');
    assert.equal(
      overlapStanding(check('a'), [pending, answer('adopted', ['a'], '2025-12-01T00:00:00Z')]),
      'adopted',
    );
  });

  it('only forward moves are held back, and only while an overlap is unanswered', () => {
    assert.equal(forwardBlock('proposed', 'approved', 'unresolved'), 'overlap_unresolved');
    assert.equal(forwardBlock('proposed', 'operating', 'pending'), 'justification_pending');
    assert.equal(forwardBlock('proposed', 'in_development', 'rejected'), 'justification_rejected');
    assert.equal(forwardBlock('proposed', 'approved', 'justified'), null);
    assert.equal(forwardBlock('proposed', 'retired', 'unresolved'), null);
    assert.equal(forwardBlock('approved', 'approved', 'unresolved'), null, 'an edit that keeps the status');
  });

  it('validates what zod cannot: real dates not in the future, e-mail and phone', () => {
    const content: LocalSystemContent = {
      name: 'Hệ thống (thử nghiệm)',
      description: '',
      functions: [],
      data: [],
      status: 'proposed',
      decision: { number: '1/QĐ-UBND', date: '2026-02-30' },
      budgetVnd: 0,
      contact: { name: null, email: 'a@b', phone: '12' },
    };
    assert.deepEqual(
      localSystemIssues(content, '2026-11-29').map((i) => `${i.field}:${i.code}`),
      ['decision.date:invalid_date', 'contact.email:invalid_email', 'contact.phone:invalid_phone'],
    );
    assert.deepEqual(
      localSystemIssues(
        {
          ...content,
          decision: { number: '1', date: '2026-11-30' },
          contact: { name: null, email: null, phone: null },
        },
        '2026-11-29',
      ).map((i) => i.code),
      ['in_future'],
    );
  });
});
