import { vietnamDate, type Clock } from '../clock.ts';
import { send, type TestSession } from './test-session.ts';
import type { TestApp } from './test-app.ts';

/**
 * Publishing through the real workflow, for tests of what publication sets off: an editor
 * drafts and submits, a reviewer approves. Platforms made here are synthetic test data.
 */
export const SYNTHETIC_PLATFORM = {
  kind: 'shared_platform',
  scope: 'sector',
  description: 'Nền tảng thử nghiệm, dữ liệu tổng hợp cho kiểm thử (không phải nền tảng thật)',
  functions: ['Chức năng thử nghiệm'],
  status: 'operating',
  operator: 'Đơn vị vận hành thử nghiệm',
  focalPoints: [{ name: 'Đầu mối thử nghiệm', unit: null, email: 'thu.nghiem@example.gov.vn', phone: null }],
} as const;

interface Detail {
  id: string;
  version: number;
  status: string;
  platformId: string | null;
  publishedVersion: number | null;
}

async function expect<T>(
  res: Promise<{ status: number; body: T }>,
  status: number,
  what: string,
): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Proposes (create, update or retire), submits and approves; returns the approved request. */
export async function publishViaWorkflow(
  t: TestApp,
  editor: TestSession,
  reviewer: TestSession,
  input: { kind: 'create' | 'update' | 'retire'; platform?: string; summary: string; proposed?: object },
): Promise<Detail> {
  const draft = await expect(
    send<Detail>(t, 'POST', '/api/v1/change-requests', { session: editor, body: input }),
    201,
    'draft',
  );
  const submitted = await expect(
    send<Detail>(t, 'POST', `/api/v1/change-requests/${draft.id}/submit`, {
      session: editor,
      body: { version: draft.version },
    }),
    200,
    'submit',
  );
  return expect(
    send<Detail>(t, 'POST', `/api/v1/change-requests/${draft.id}/decision`, {
      session: reviewer,
      body: { version: submitted.version, decision: 'approve' },
    }),
    200,
    'approve',
  );
}

/** A clock the test moves by hand (retries are planned on it). */
export function manualClock(iso: string): Clock & { set(iso: string): void; advance(seconds: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    today: () => vietnamDate(current),
    set(next: string) {
      current = new Date(next);
    },
    advance(seconds: number) {
      current = new Date(current.getTime() + seconds * 1000);
    },
  };
}
