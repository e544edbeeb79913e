import { randomUUID } from 'node:crypto';
import { insertUser } from '../db/user.repository.ts';
import type { Role } from '../domain/user.ts';
import { hashPassword } from '../services/credentials.ts';
import type { TestApp } from './test-app.ts';

/**
 * Accounts and signed-in requests for API tests: create a user of a role directly in the test
 * database, sign in through the API as a browser would, and send requests with its cookie and
 * CSRF token.
 */
export interface TestSession {
  userId: string;
  email: string;
  password: string;
  organisationId: string;
  cookie: string;
  csrfToken: string;
}

/** Seeded organisations that fit each role. */
export const HOME_ORGANISATION: Record<Role, string> = {
  authority_admin: 'bo-khoa-hoc-va-cong-nghe',
  authority_reviewer: 'bo-khoa-hoc-va-cong-nghe',
  ministry_editor: 'bo-tai-chinh',
  locality_officer: 'tinh-tuyen-quang',
};

export async function organisationId(t: TestApp, code: string): Promise<string> {
  const row = await t.db
    .selectFrom('organisation')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createTestUser(
  t: TestApp,
  role: Role,
  options: { organisation?: string; email?: string; password?: string; mustChangePassword?: boolean } = {},
): Promise<{ userId: string; email: string; password: string; organisationId: string }> {
  const email = options.email ?? `${role.replace('_', '.')}.${randomUUID().slice(0, 8)}@example.gov.vn`;
  const password = options.password ?? `mật khẩu thử ${randomUUID()}`;
  const orgId = await organisationId(t, options.organisation ?? HOME_ORGANISATION[role]);
  const user = await insertUser(
    t.db,
    {
      id: randomUUID(),
      email,
      name: `Người dùng thử (${role})`,
      organisationId: orgId,
      role,
      passwordHash: await hashPassword(password),
      mustChangePassword: options.mustChangePassword ?? false,
    },
    t.clock.now(),
  );
  return { userId: user.id, email, password, organisationId: orgId };
}

/** The session cookie's "name=value" from a response, if it set one. */
export function sessionCookie(res: Response): string | null {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    if (/^(__Host-)?ndp_session=./.test(pair)) return pair;
  }
  return null;
}

export async function signIn(
  t: TestApp,
  email: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await t.app.request('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = sessionCookie(res);
  if (!cookie) throw new Error('sign-in set no session cookie');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

export async function signInAs(
  t: TestApp,
  role: Role,
  options: Parameters<typeof createTestUser>[2] = {},
): Promise<TestSession> {
  const user = await createTestUser(t, role, options);
  return { ...user, ...(await signIn(t, user.email, user.password)) };
}

/** A request as a signed-in browser would send it: cookie, CSRF header, JSON body. */
export async function send<T = unknown>(
  t: TestApp,
  method: string,
  path: string,
  options: {
    session?: Pick<TestSession, 'cookie' | 'csrfToken'> | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: T; res: Response }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.session) {
    headers.cookie = options.session.cookie;
    headers['x-csrf-token'] ??= options.session.csrfToken;
  }
  const res = await t.app.request(path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body: body as T, res };
}
