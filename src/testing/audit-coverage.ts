import type { Hono } from 'hono';
import { auditedRequestIds } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';

/**
 * Issue 3's "the audit log shows every write the tests made", enforced on every test app:
 * each successful POST/PUT/PATCH/DELETE that went through the app is recorded with its
 * X-Request-Id, and when the test app closes, every one of them must have an audit entry with
 * that request id, unless the route is one that writes nothing a person did (listed below, each
 * with its reason).
 */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Requests that change no registry record, so there is nothing to audit. */
const NOT_WRITES: readonly { method: string; path: RegExp; status?: number; why: string }[] = [
  { method: 'POST', path: /^\/api\/v1\/overlap-checks$/, why: 'a check computes; it stores nothing' },
  { method: 'POST', path: /^\/kiem-tra-trung-lap$/, why: 'the public check form stores nothing' },
  {
    method: 'POST',
    path: /^\/api\/v1\/catalogue-hygiene\/dismissals$/,
    status: 200,
    why: 'the pair was already dismissed (201 when the request writes)',
  },
  {
    method: 'POST',
    path: /^\/api\/v1\/auth\/oidc\/start$/,
    why: 'an anonymous sign-on flow state that expires in minutes; the sign-in it ends in is audited',
  },
  {
    method: 'POST',
    path: /^\/cong-viec\/de-nghi(\/[^/]+)?$/,
    status: 200,
    why: 'the completeness check re-renders the form (a save answers 303)',
  },
];

export interface RecordedWrite {
  method: string;
  path: string;
  status: number;
  requestId: string;
}

type Fetch = Hono['fetch'];

/** Wraps the app's fetch (which `app.request` and the served app both go through). */
export function recordWrites(app: { fetch: Fetch }): RecordedWrite[] {
  const writes: RecordedWrite[] = [];
  const fetch = app.fetch;
  const recording = async (...args: Parameters<Fetch>): Promise<Response> => {
    const request = args[0];
    const res = await fetch(...args);
    const method = request.method.toUpperCase();
    if (WRITE_METHODS.has(method) && res.status < 400) {
      const path = new URL(request.url).pathname;
      const requestId = res.headers.get('x-request-id');
      const exempt = NOT_WRITES.some(
        (n) => n.method === method && n.path.test(path) && (n.status ?? res.status) === res.status,
      );
      if (requestId && !exempt) {
        writes.push({ method, path, status: res.status, requestId });
      }
    }
    return res;
  };
  app.fetch = recording;
  return writes;
}

/** The recorded writes that have no audit entry (empty when the log shows every one). */
export async function unauditedWrites(db: Db, writes: readonly RecordedWrite[]) {
  const audited = await auditedRequestIds(
    db,
    writes.map((w) => w.requestId),
  );
  return writes.filter((w) => !audited.has(w.requestId));
}
