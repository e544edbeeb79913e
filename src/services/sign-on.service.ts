import { randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  findLinkedSubject,
  findLinkedUserId,
  insertOidcFlow,
  linkOidcIdentity,
  purgeExpiredOidcFlows,
  takeOidcFlow,
  touchOidcIdentity,
} from '../db/oidc.repository.ts';
import { insertSession, purgeExpiredSessions } from '../db/session.repository.ts';
import { findCredentials, findUser } from '../db/user.repository.ts';
import type { AuditEvent } from '../domain/audit.ts';
import { SignOnError } from '../domain/errors.ts';
import { actorFor } from '../domain/permission.ts';
import { safeReturnPath, signOnIdentity } from '../domain/sign-on.ts';
import type { User } from '../domain/user.ts';
import type { RequestMeta, SignedIn } from './auth.service.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { csrfTokenFor, hashToken, newToken, sameSecret } from './credentials.ts';

/**
 * Single sign-on with an OpenID provider (OIDC Core 1.0, authorization code flow with PKCE,
 * RFC 7636): the provider proves who the person is; the registry decides what they may do.
 * It signs in an account that already exists and is enabled — found by the provider's subject
 * once linked, else by verified e-mail (then linked) — and never creates accounts or roles, so
 * a provider cannot grant privileges. The session is the same server-side session a password
 * sign-in opens, audited as `auth.sign_in` with `method: "oidc"`.
 */
export interface SignOnDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  config: NonNullable<Config['oidc']>;
  auth: Config['auth'];
  catalogue: CatalogueService;
}

export interface SignOnStart {
  /** Where to send the browser: the provider's authorization endpoint. */
  redirectTo: URL;
  /** The flow cookie's value: binds the callback to this browser; only its hash is stored. */
  flowToken: string;
  expiresAt: Date;
}

export const SIGN_ON_FLOW_TTL_MS = 10 * 60_000;

export function createSignOnService({ db, clock, log, config, auth, catalogue }: SignOnDeps) {
  const idleMs = auth.sessionIdleMinutes * 60_000;
  const absoluteMs = auth.sessionAbsoluteHours * 3_600_000;
  let discovered: Promise<oidc.Configuration> | null = null;

  /** The provider's metadata, discovered once (again after a failure). */
  const provider = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        config.clientSecret,
        // client_secret_basic: the method every provider must support (RFC 6749 §2.3.1).
        oidc.ClientSecretBasic(config.clientSecret),
        // config.ts admits http only for a provider on this machine (development and tests).
        config.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = null;
        log.warn({ err: error, issuer: config.issuer }, 'OIDC discovery failed');
        throw new SignOnError('provider_unavailable');
      });
    return discovered;
  };

  /** The provider's claims about the person, from the ID token, else from userinfo. */
  const exchange = async (
    query: URLSearchParams,
    flow: { codeVerifier: string; state: string; nonce: string },
  ) => {
    const conf = await provider();
    // The URL the provider redirected to, rebuilt from configuration: behind a proxy the
    // request's own URL may differ from the registered redirect URI.
    const currentUrl = new URL(config.redirectUri);
    currentUrl.search = query.toString();
    try {
      const tokens = await oidc.authorizationCodeGrant(conf, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims: Record<string, unknown> = { ...tokens.claims() };
      if (claims[config.emailClaim] === undefined && tokens.access_token && typeof claims.sub === 'string') {
        const info = await oidc.fetchUserInfo(conf, tokens.access_token, claims.sub);
        // The same subject (checked by fetchUserInfo); userinfo adds the claims the ID token left out.
        return { ...claims, ...info };
      }
      return claims;
    } catch (error) {
      log.warn({ err: error }, 'OIDC code exchange refused');
      throw new SignOnError('provider_error');
    }
  };

  return {
    /** `keptForm`: a form whose session had expired, stored with the flow and handed back by finish. */
    async start(
      returnTo: string | undefined,
      keptForm: readonly (readonly [string, string])[] = [],
    ): Promise<SignOnStart> {
      const now = clock.now();
      const conf = await provider();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const flowToken = newToken();
      const expiresAt = new Date(now.getTime() + SIGN_ON_FLOW_TTL_MS);
      await purgeExpiredOidcFlows(db, now);
      await insertOidcFlow(
        db,
        hashToken(flowToken),
        { state, nonce, codeVerifier, returnTo: safeReturnPath(returnTo), expiresAt, keptForm },
        now,
      );
      const redirectTo = oidc.buildAuthorizationUrl(conf, {
        redirect_uri: config.redirectUri,
        response_type: 'code',
        scope: config.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { redirectTo, flowToken, expiresAt };
    },

    /**
     * The provider's redirect back: checks the flow (this browser's, unexpired, unused), the
     * state, the code exchange (PKCE, nonce, ID token signature), then finds the account and
     * opens a session. Failures are audited and thrown as SignOnError.
     */
    async finish(
      flowToken: string | undefined,
      query: URLSearchParams,
      meta: RequestMeta,
    ): Promise<SignedIn & { returnTo: string; keptForm: readonly (readonly [string, string])[] }> {
      const now = clock.now();
      const seen: { email?: string | null; subject?: string; user?: User } = {};
      try {
        const flow =
          flowToken && flowToken.length <= 100 ? await takeOidcFlow(db, hashToken(flowToken)) : null;
        if (!flow || flow.expiresAt <= now) throw new SignOnError('flow_expired');
        const state = query.get('state') ?? '';
        if (!sameSecret(state, flow.state)) throw new SignOnError('state_mismatch');
        if (query.has('error')) throw new SignOnError('provider_error');
        const identity = signOnIdentity(await exchange(query, flow), config);
        Object.assign(seen, identity);
        if (!identity.subject) throw new SignOnError('provider_error');

        const token = newToken();
        const sessionId = randomUUID();
        const expiresAt = new Date(now.getTime() + absoluteMs);
        const user = await db.transaction().execute(async (tx) => {
          const events: AuditEvent[] = [];
          const linkedId = await findLinkedUserId(tx, config.issuer, identity.subject);
          let found: User | null;
          if (linkedId) {
            found = await findUser(tx, linkedId);
          } else {
            if (!identity.email) throw new SignOnError('email_missing');
            found = (await findCredentials(tx, identity.email))?.user ?? null;
          }
          if (!found) throw new SignOnError('unknown_user');
          seen.user = found;
          if (found.disabled) throw new SignOnError('disabled_user');
          const actor = { userId: found.id, organisationId: found.organisationId };
          if (linkedId) {
            await touchOidcIdentity(tx, config.issuer, identity.subject, now);
          } else {
            // Someone else at the provider now holds this address: not the person who was linked.
            if (await findLinkedSubject(tx, config.issuer, found.id))
              throw new SignOnError('identity_mismatch');
            const link = { issuer: config.issuer, subject: identity.subject, userId: found.id };
            if (!(await linkOidcIdentity(tx, link, now))) throw new SignOnError('identity_mismatch');
            events.push({
              action: 'auth.sso_linked',
              targetType: 'user',
              targetId: found.id,
              after: { issuer: config.issuer, subject: identity.subject },
              actor,
            });
          }
          await purgeExpiredSessions(tx, now, idleMs);
          await insertSession(tx, {
            id: sessionId,
            userId: found.id,
            createdAt: now,
            lastUsedAt: now,
            expiresAt,
            tokenHash: hashToken(token),
            clientAddress: meta.clientAddress,
            userAgent: meta.userAgent?.slice(0, 300) ?? null,
          });
          events.push({
            action: 'auth.sign_in',
            targetType: 'session',
            targetId: sessionId,
            after: { method: 'oidc', issuer: config.issuer },
            actor,
          });
          await appendAudit(tx, meta, events, now);
          return found;
        });
        return {
          token,
          sessionId,
          user,
          actor: actorFor(user, (await catalogue.snapshot()).directory, clock.today()),
          csrfToken: csrfTokenFor(token),
          expiresAt,
          idleExpiresAt: new Date(now.getTime() + idleMs),
          returnTo: flow.returnTo,
          keptForm: flow.keptForm,
        };
      } catch (error) {
        if (!(error instanceof SignOnError)) throw error;
        const user = seen.user;
        await db.transaction().execute((tx) =>
          appendAudit(
            tx,
            meta,
            [
              {
                action: 'auth.sso_sign_in_failed',
                targetType: 'user',
                targetId: user?.id ?? null,
                after: { reason: error.reason, email: seen.email ?? null, subject: seen.subject ?? null },
                actor: user ? { userId: user.id, organisationId: user.organisationId } : null,
              },
            ],
            now,
          ),
        );
        throw error;
      }
    },
  };
}
export type SignOnService = ReturnType<typeof createSignOnService>;
