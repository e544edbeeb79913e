import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CHANGE_REQUEST_EVENTS,
  CHANGE_REQUEST_STATUSES,
  isAwaitingReview,
  isClosed,
  isEditable,
  nextStatus,
  type ChangeRequestEvent,
  type ChangeRequestStatus,
} from './change-request.ts';

describe('change request state machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed: Record<string, string> = {
      'draft submit': 'submitted',
      'draft withdraw': 'withdrawn',
      'submitted request_changes': 'changes_requested',
      'submitted approve': 'approved',
      'submitted reject': 'rejected',
      'submitted withdraw': 'withdrawn',
      'changes_requested submit': 'resubmitted',
      'changes_requested withdraw': 'withdrawn',
      'resubmitted request_changes': 'changes_requested',
      'resubmitted approve': 'approved',
      'resubmitted reject': 'rejected',
      'resubmitted withdraw': 'withdrawn',
    };
    for (const status of CHANGE_REQUEST_STATUSES)
      for (const event of CHANGE_REQUEST_EVENTS)
        assert.equal(nextStatus(status, event), allowed[`${status} ${event}`] ?? null, `${status} ${event}`);
  });

  it('runs the whole review loop: changes requested ⇄ resubmitted, then approved', () => {
    let status: ChangeRequestStatus = 'draft';
    for (const event of [
      'submit',
      'request_changes',
      'submit',
      'request_changes',
      'submit',
      'approve',
    ] as ChangeRequestEvent[]) {
      const next = nextStatus(status, event);
      assert.ok(next, `${status} ${event}`);
      status = next;
    }
    assert.equal(status, 'approved');
  });

  it('classifies statuses', () => {
    assert.deepEqual(CHANGE_REQUEST_STATUSES.filter(isEditable), ['draft', 'changes_requested']);
    assert.deepEqual(CHANGE_REQUEST_STATUSES.filter(isAwaitingReview), ['submitted', 'resubmitted']);
    assert.deepEqual(CHANGE_REQUEST_STATUSES.filter(isClosed), ['approved', 'rejected', 'withdrawn']);
  });
});
