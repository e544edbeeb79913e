import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthService, Authenticated } from '../../services/auth.service.ts';
import type { PasswordResetService } from '../../services/password-reset.service.ts';
import type { UserService } from '../../services/user.service.ts';
import type { AppEnv } from '../env.ts';
import { clearSessionCookie, setSessionCookie, type CookieOptions } from '../middleware/session.ts';
import { apiRouter } from './router.ts';
import { UserSchema, userJson } from './user.routes.ts';
import { requestMeta, requireAuth, writeProblems } from './write-context.ts';

/** Sign-in, sign-out, the current user, passwords. Responses are never cached (ASVS 8.2.1). */
const Session = z
  .object({
    user: UserSchema,
    csrfToken: z
      .string()
      .openapi({ description: 'Send as X-CSRF-Token (or form field _csrf) on unsafe requests' }),
    expiresAt: z.string().openapi({ description: 'Absolute end of the session' }),
    idleExpiresAt: z.string().openapi({ description: 'End of the session if no request comes before' }),
  })
  .openapi('Session');

// Passwords are length-limited before hashing: a megabyte "password" must not cost a megabyte of argon2.
const Password = z.string().min(1).max(1024);
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const tags = ['Accounts'];

const signIn = createRoute({
  method: 'post',
  path: '/api/v1/auth/sign-in',
  tags,
  summary: 'Sign in with e-mail and password; sets the session cookie',
  request: { body: json(z.object({ email: z.string().max(320), password: Password }).strict()) },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: Session } } },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    429: writeProblems[429],
  },
});
const signOut = createRoute({
  method: 'post',
  path: '/api/v1/auth/sign-out',
  tags,
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' }, 401: writeProblems[401], 403: writeProblems[403] },
});
const signOutEverywhere = createRoute({
  method: 'post',
  path: '/api/v1/auth/sign-out-everywhere',
  tags,
  summary: 'End every session of the signed-in user, this one included',
  responses: {
    200: {
      description: 'Sessions ended',
      content: { 'application/json': { schema: z.object({ ended: z.number().int() }) } },
    },
    401: writeProblems[401],
    403: writeProblems[403],
  },
});
const me = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  tags,
  summary: 'The signed-in user and the session’s CSRF token',
  responses: {
    200: { description: 'The session', content: { 'application/json': { schema: Session } } },
    401: writeProblems[401],
  },
});
const changePassword = createRoute({
  method: 'post',
  path: '/api/v1/auth/password',
  tags,
  summary: 'Change the password (ends the user’s other sessions)',
  request: { body: json(z.object({ currentPassword: Password, newPassword: Password }).strict()) },
  responses: {
    204: { description: 'Changed' },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    429: writeProblems[429],
  },
});
const resetRequest = createRoute({
  method: 'post',
  path: '/api/v1/auth/password-reset',
  tags,
  summary: 'Ask for a password reset e-mail',
  description: 'Answers 202 whether or not the address has an account, so it reveals none.',
  request: { body: json(z.object({ email: z.string().max(320) }).strict()) },
  responses: {
    202: { description: 'If the address has an account, a reset e-mail is on its way' },
    400: writeProblems[400],
    429: writeProblems[429],
  },
});
const resetConfirm = createRoute({
  method: 'post',
  path: '/api/v1/auth/password-reset/confirm',
  tags,
  summary: 'Set a new password with the token from the e-mail (ends every session)',
  request: { body: json(z.object({ token: z.string().min(1).max(200), password: Password }).strict()) },
  responses: { 204: { description: 'Password set' }, 400: writeProblems[400], 429: writeProblems[429] },
});

function sessionJson(auth: Authenticated, users: UserService) {
  return users.self(auth.user).then((user) => ({
    user: userJson(user),
    csrfToken: auth.csrfToken,
    expiresAt: auth.expiresAt.toISOString(),
    idleExpiresAt: auth.idleExpiresAt.toISOString(),
  }));
}

const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'no-store');

export function authRoutes(
  auth: AuthService,
  resets: PasswordResetService,
  users: UserService,
  cookies: CookieOptions,
) {
  return apiRouter()
    .openapi(signIn, async (c) => {
      noStore(c);
      const signedIn = await auth.signIn(c.req.valid('json'), requestMeta(c));
      // A new session replaces the one the browser still held (no two live sessions per cookie jar).
      const previous = c.get('auth');
      if (previous) await auth.signOut(previous, requestMeta(c));
      setSessionCookie(c, signedIn.token, signedIn.expiresAt, cookies);
      return c.json(await sessionJson(signedIn, users), 200);
    })
    .openapi(signOut, async (c) => {
      await auth.signOut(requireAuth(c), requestMeta(c));
      clearSessionCookie(c, cookies);
      return c.body(null, 204);
    })
    .openapi(signOutEverywhere, async (c) => {
      const ended = await auth.signOutEverywhere(requireAuth(c), requestMeta(c));
      clearSessionCookie(c, cookies);
      return c.json({ ended }, 200);
    })
    .openapi(me, async (c) => {
      noStore(c);
      return c.json(await sessionJson(requireAuth(c), users), 200);
    })
    .openapi(changePassword, async (c) => {
      await auth.changePassword(requireAuth(c), c.req.valid('json'), requestMeta(c));
      return c.body(null, 204);
    })
    .openapi(resetRequest, async (c) => {
      await resets.request(c.req.valid('json').email, requestMeta(c));
      return c.body(null, 202);
    })
    .openapi(resetConfirm, async (c) => {
      await resets.confirm(c.req.valid('json'), requestMeta(c));
      return c.body(null, 204);
    });
}
