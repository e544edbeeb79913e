import type { ProposedContent } from './platform-version.ts';

/**
 * Change requests: how a ministry proposes a new platform, a change, or retirement, and how the
 * authority decides. The state machine is data, so the permission matrix, the service and the
 * tests all read the same table.
 *
 *   draft → submitted → changes_requested ⇄ resubmitted → approved (published) | rejected
 *   (withdrawn by the ministry at any point before a decision)
 */
export const CHANGE_REQUEST_KINDS = ['create', 'update', 'retire'] as const;
export type ChangeRequestKind = (typeof CHANGE_REQUEST_KINDS)[number];

export const CHANGE_REQUEST_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'resubmitted',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

export const CHANGE_REQUEST_EVENTS = ['submit', 'withdraw', 'request_changes', 'approve', 'reject'] as const;
export type ChangeRequestEvent = (typeof CHANGE_REQUEST_EVENTS)[number];

const TRANSITIONS: Record<ChangeRequestStatus, Partial<Record<ChangeRequestEvent, ChangeRequestStatus>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: {
    request_changes: 'changes_requested',
    approve: 'approved',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  changes_requested: { submit: 'resubmitted', withdraw: 'withdrawn' },
  resubmitted: {
    request_changes: 'changes_requested',
    approve: 'approved',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  approved: {},
  rejected: {},
  withdrawn: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextStatus(
  status: ChangeRequestStatus,
  event: ChangeRequestEvent,
): ChangeRequestStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The ministry may still change what it proposes. */
export function isEditable(status: ChangeRequestStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}

/** Waiting for the authority: these are the reviewer's queue. */
export function isAwaitingReview(status: ChangeRequestStatus): boolean {
  return status === 'submitted' || status === 'resubmitted';
}

export function isClosed(status: ChangeRequestStatus): boolean {
  return status === 'approved' || status === 'rejected' || status === 'withdrawn';
}

/** Decisions that must say why (the ministry has to know what to fix, or why it was refused). */
export function needsComment(event: ChangeRequestEvent): boolean {
  return event === 'request_changes' || event === 'reject';
}

export interface ChangeRequest {
  id: string;
  kind: ChangeRequestKind;
  platformId: string | null;
  basePlatformVersion: number | null;
  organisationId: string;
  authorId: string;
  status: ChangeRequestStatus;
  summary: string;
  proposed: ProposedContent;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  publishedVersion: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const COMMENT_KINDS = [
  'comment',
  'submit',
  'request_changes',
  'approve',
  'reject',
  'withdraw',
] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export interface ChangeRequestComment {
  id: string;
  changeRequestId: string;
  authorId: string;
  authorName: string;
  kind: CommentKind;
  body: string;
  createdAt: string;
}
