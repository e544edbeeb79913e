import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  purgeExpiredSessions,
  touchSession,
} from '../db/session.repository.ts';
import { clearFailures, lockedUntil, recordFailure } from '../db/sign-in-throttle.repository.ts';
import { findCredentials, findPasswordHash, findUser, setPassword } from '../db/user.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { InvalidCredentialsError, InvalidInputError, RateLimitedError } from '../domain/errors.ts';
import { actorFor, type Actor } from '../domain/permission.ts';
import { normaliseEmail, passwordIssues, type User } from '../domain/user.ts';
import type { CatalogueService } from './catalogue.service.ts';
import {
  csrfTokenFor,
  hashPassword,
  hashToken,
  newToken,
  verifyNothing,
  verifyPassword,
} from './credentials.ts';

/**
 * Sign-in, sessions and passwords. Sessions live in the database (one row per sign-in, found
 * by the SHA-256 of the cookie's token) with an idle and an absolute limit (OWASP ASVS 3.3).
 * Failed sign-ins are counted per account and per client address and lock both out for a while
 * (ASVS 2.2.1); every outcome is audited.
 */
export interface RequestMeta extends WriteContext {
  userAgent: string | null;
}

export interface Authenticated {
  sessionId: string;
  user: User;
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  idleExpiresAt: Date;
}

export interface SignedIn extends Authenticated {
  /** The cookie's value: given to the client once, never stored. */
  token: string;
}

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: Config['auth'];
  catalogue: CatalogueService;
}

// Writing last_used_at on every request would turn each read into a write; a minute's
// precision is plenty for a 30-minute idle limit.
const TOUCH_AFTER_MS = 60_000;

export function createAuthService({ db, clock, config, catalogue }: AuthDeps) {
  const idleMs = config.sessionIdleMinutes * 60_000;
  const absoluteMs = config.sessionAbsoluteHours * 3_600_000;
  const lockMs = config.lockoutMinutes * 60_000;
  const throttleKeys = (email: string, address: string | null) => ({
    account: `email:${email}`,
    address: `address:${address ?? 'unknown'}`,
  });

  const actorOf = async (user: User): Promise<Actor> =>
    actorFor(user, (await catalogue.snapshot()).directory, clock.today());

  const refuseIfLocked = async (keys: string[], now: Date) => {
    const until = await lockedUntil(db, keys, now);
    if (until) throw new RateLimitedError(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
  };

  /** Counts a failure against both keys and audits it (and the lock-out it may cause). */
  const fail = async (email: string, user: User | null, meta: RequestMeta, now: Date, action: string) => {
    const keys = throttleKeys(email, meta.clientAddress);
    await db.transaction().execute(async (tx) => {
      const window = { windowMs: lockMs, lockMs };
      const account = await recordFailure(tx, keys.account, now, {
        ...window,
        maxFailures: config.maxFailures,
      });
      const address = await recordFailure(tx, keys.address, now, {
        ...window,
        maxFailures: config.maxFailuresPerAddress,
      });
      const lockedNow = [account, address].some((r) => r.lockedUntil && r.lockedUntil > now);
      const actor = user ? { userId: user.id, organisationId: user.organisationId } : null;
      await appendAudit(
        tx,
        meta,
        [
          { action, targetType: 'user', targetId: user?.id ?? null, after: { email }, actor },
          ...(lockedNow
            ? [
                {
                  action: 'auth.locked_out',
                  targetType: 'user',
                  targetId: user?.id ?? null,
                  after: { email },
                  actor,
                },
              ]
            : []),
        ],
        now,
      );
    });
  };

  return {
    async signIn(input: { email: string; password: string }, meta: RequestMeta): Promise<SignedIn> {
      const now = clock.now();
      const email = normaliseEmail(input.email);
      const keys = throttleKeys(email, meta.clientAddress);
      await refuseIfLocked([keys.account, keys.address], now);
      const found = await findCredentials(db, email);
      const usable = found && !found.user.disabled && found.passwordHash ? found.passwordHash : null;
      // The same work whether or not the account exists (ASVS 2.2.1; no account enumeration).
      const ok = usable ? await verifyPassword(usable, input.password) : await verifyNothing(input.password);
      if (!ok || !found) {
        await fail(email, found?.user ?? null, meta, now, 'auth.sign_in_failed');
        throw new InvalidCredentialsError();
      }
      const user = found.user;
      const token = newToken();
      const session = {
        id: randomUUID(),
        userId: user.id,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + absoluteMs),
      };
      await db.transaction().execute(async (tx) => {
        await clearFailures(tx, keys.account);
        await purgeExpiredSessions(tx, now, idleMs);
        await insertSession(tx, {
          ...session,
          tokenHash: hashToken(token),
          clientAddress: meta.clientAddress,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        });
        const actor = { userId: user.id, organisationId: user.organisationId };
        await appendAudit(
          tx,
          meta,
          [{ action: 'auth.sign_in', targetType: 'session', targetId: session.id, actor }],
          now,
        );
      });
      return {
        token,
        sessionId: session.id,
        user,
        actor: await actorOf(user),
        csrfToken: csrfTokenFor(token),
        expiresAt: session.expiresAt,
        idleExpiresAt: new Date(now.getTime() + idleMs),
      };
    },

    /** The session a cookie's token opens, or null (unknown, idle too long, expired, user disabled). */
    async authenticate(token: string): Promise<Authenticated | null> {
      if (token.length < 20 || token.length > 100) return null;
      const now = clock.now();
      const session = await findSession(db, hashToken(token));
      if (!session) return null;
      const idleEnd = session.lastUsedAt.getTime() + idleMs;
      const user =
        session.expiresAt > now && idleEnd > now.getTime() ? await findUser(db, session.userId) : null;
      if (!user || user.disabled) {
        await deleteSession(db, session.id);
        return null;
      }
      const touched = now.getTime() - session.lastUsedAt.getTime() >= TOUCH_AFTER_MS;
      if (touched) await touchSession(db, session.id, now);
      return {
        sessionId: session.id,
        user,
        actor: await actorOf(user),
        csrfToken: csrfTokenFor(token),
        expiresAt: session.expiresAt,
        idleExpiresAt: new Date((touched ? now.getTime() : session.lastUsedAt.getTime()) + idleMs),
      };
    },

    async signOut(auth: Authenticated, meta: RequestMeta): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await deleteSession(tx, auth.sessionId);
        await appendAudit(
          tx,
          meta,
          [{ action: 'auth.sign_out', targetType: 'session', targetId: auth.sessionId }],
          now,
        );
      });
    },

    /** Ends every session of the user, this one included (ASVS 3.3.4). */
    async signOutEverywhere(auth: Authenticated, meta: RequestMeta): Promise<number> {
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const ended = await deleteUserSessions(tx, auth.user.id);
        await appendAudit(
          tx,
          meta,
          [
            {
              action: 'auth.sign_out_everywhere',
              targetType: 'user',
              targetId: auth.user.id,
              after: { ended },
            },
          ],
          now,
        );
        return ended;
      });
    },

    /**
     * Changes the password given the current one, and ends the user's other sessions (ASVS
     * 2.1.5, 3.3.3). Wrong current passwords count towards the lock-out like failed sign-ins.
     */
    async changePassword(
      auth: Authenticated,
      input: { currentPassword: string; newPassword: string },
      meta: RequestMeta,
    ): Promise<void> {
      const now = clock.now();
      const keys = throttleKeys(auth.user.email, meta.clientAddress);
      await refuseIfLocked([keys.account, keys.address], now);
      const issues = passwordIssues('newPassword', input.newPassword, auth.user.email);
      if (issues.length > 0) throw new InvalidInputError(issues);
      const current = await findPasswordHash(db, auth.user.id);
      const ok = current ? await verifyPassword(current, input.currentPassword) : await verifyNothing('');
      if (!ok) {
        await fail(auth.user.email, auth.user, meta, now, 'auth.password_change_failed');
        throw new InvalidInputError([{ field: 'currentPassword', code: 'incorrect' }]);
      }
      const hashed = await hashPassword(input.newPassword);
      await db.transaction().execute(async (tx) => {
        await setPassword(tx, auth.user.id, hashed, false, now);
        const ended = await deleteUserSessions(tx, auth.user.id, auth.sessionId);
        await clearFailures(tx, keys.account);
        await appendAudit(
          tx,
          meta,
          [
            {
              action: 'auth.password_change',
              targetType: 'user',
              targetId: auth.user.id,
              after: { otherSessionsEnded: ended },
            },
          ],
          now,
        );
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
