import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { enqueueEmail } from '../db/email-outbox.repository.ts';
import {
  consumePasswordReset,
  countRecentResets,
  insertPasswordReset,
  voidPasswordResets,
  type ResetPurpose,
} from '../db/password-reset.repository.ts';
import { deleteUserSessions } from '../db/session.repository.ts';
import { clearFailures } from '../db/sign-in-throttle.repository.ts';
import { findCredentials, findUser, setPassword } from '../db/user.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { normaliseEmail, passwordIssues, type User } from '../domain/user.ts';
import { format } from '../i18n/index.ts';
import { vi } from '../i18n/vi.ts';
import { hashPassword, hashToken, newToken } from './credentials.ts';

/**
 * Password reset by e-mailed token, and the invitation of a new account (the same token with a
 * longer life). Tokens are 256 random bits, stored as SHA-256, expire, and work once; a new one
 * voids the user's earlier ones (OWASP Forgot Password Cheat Sheet, ASVS 2.5).
 */
export interface PasswordResetDeps {
  db: Db;
  clock: Clock;
  config: Config['auth'];
  /** Where links in e-mails point: the configured public URL, never the request's Host header. */
  linkBase: string;
}

/** Sent per user per hour at most: the request endpoint cannot be used to flood a mailbox. */
const MAX_RESETS_PER_HOUR = 3;
export const RESET_PAGE_PATH = '/dat-lai-mat-khau';

/**
 * Writes a token and its e-mail in the caller's transaction; the raw token exists only in the
 * outbox row until the mail is sent.
 */
export async function issuePasswordToken(
  tx: Db,
  deps: Pick<PasswordResetDeps, 'config' | 'linkBase'>,
  user: Pick<User, 'id' | 'email' | 'name'>,
  purpose: ResetPurpose,
  now: Date,
  extra: { role?: string; organisation?: string } = {},
): Promise<void> {
  const token = newToken();
  const ttlMs =
    purpose === 'invitation'
      ? deps.config.invitationTtlHours * 3_600_000
      : deps.config.passwordResetTtlMinutes * 60_000;
  await voidPasswordResets(tx, user.id, now);
  await insertPasswordReset(tx, {
    id: randomUUID(),
    userId: user.id,
    tokenHash: hashToken(token),
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  const link = `${deps.linkBase.replace(/\/$/, '')}${RESET_PAGE_PATH}?token=${token}`;
  const template = purpose === 'invitation' ? vi.email.invitation : vi.email.passwordReset;
  const params = {
    name: user.name,
    email: user.email,
    link,
    minutes: deps.config.passwordResetTtlMinutes,
    hours: deps.config.invitationTtlHours,
    role: extra.role ?? '',
    organisation: extra.organisation ?? '',
  };
  await enqueueEmail(
    tx,
    {
      id: randomUUID(),
      to: user.email,
      subject: template.subject,
      body: format(template.body, params),
      purpose,
    },
    now,
  );
}

export function createPasswordResetService(deps: PasswordResetDeps) {
  const { db, clock } = deps;
  return {
    /**
     * Always succeeds from the caller's point of view: whether the address has an account is
     * not revealed (the response is the same; the mail goes only to a real, enabled account).
     */
    async request(rawEmail: string, context: WriteContext): Promise<void> {
      const now = clock.now();
      const email = normaliseEmail(rawEmail);
      const found = await findCredentials(db, email);
      // A request that sends nothing is audited too (who asked for which address, from where),
      // so the authority can see reset requests used to probe for accounts.
      const notSent = (tx: Db, reason: string, user: User | null) =>
        appendAudit(
          tx,
          context,
          [
            {
              action: 'auth.password_reset_not_sent',
              targetType: 'user',
              targetId: user?.id ?? null,
              after: { email, reason },
              actor: user ? { userId: user.id, organisationId: user.organisationId } : null,
            },
          ],
          now,
        );
      if (!found || found.user.disabled) {
        await notSent(db, found ? 'disabled' : 'unknown', found?.user ?? null);
        return;
      }
      const user = found.user;
      await db.transaction().execute(async (tx) => {
        if (
          (await countRecentResets(tx, user.id, new Date(now.getTime() - 3_600_000))) >= MAX_RESETS_PER_HOUR
        ) {
          await notSent(tx, 'rate_limited', user);
          return;
        }
        await issuePasswordToken(tx, deps, user, 'reset', now);
        const actor = { userId: user.id, organisationId: user.organisationId };
        await appendAudit(
          tx,
          context,
          [{ action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id, actor }],
          now,
        );
      });
    },

    /**
     * Sets the new password with a token from the e-mail, and ends every session of the user.
     * An invalid password leaves the token unused (the whole transaction rolls back).
     */
    async confirm(input: { token: string; password: string }, context: WriteContext): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const consumed = await consumePasswordReset(tx, hashToken(input.token), now);
        const user = consumed ? await findUser(tx, consumed.userId) : null;
        if (!consumed || !user || user.disabled)
          throw new InvalidInputError([{ field: 'token', code: 'invalid_or_expired' }]);
        const issues = passwordIssues('password', input.password, user.email);
        if (issues.length > 0) throw new InvalidInputError(issues);
        await setPassword(tx, user.id, await hashPassword(input.password), false, now);
        const ended = await deleteUserSessions(tx, user.id);
        await clearFailures(tx, `email:${user.email}`);
        const actor = { userId: user.id, organisationId: user.organisationId };
        await appendAudit(
          tx,
          context,
          [
            {
              action: consumed.purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
              targetType: 'user',
              targetId: user.id,
              after: { sessionsEnded: ended },
              actor,
            },
          ],
          now,
        );
      });
    },
  };
}
export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
