import type { Db } from './database.ts';

/**
 * Single sign-on: flows in progress (found by the hash of the browser's flow cookie, used
 * once) and the links between registry accounts and the provider's subjects.
 */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
  /** A form kept over an expired session, posted on once signed in; empty when none. */
  keptForm: readonly (readonly [string, string])[];
}

/** The stored pairs, read back defensively: anything but [string, string] pairs is dropped. */
function keptPairs(value: unknown): [string, string][] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (pair): pair is [string, string] =>
      Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string',
  );
}

export async function insertOidcFlow(db: Db, idHash: string, flow: OidcFlow, now: Date): Promise<void> {
  await db
    .insertInto('oidc_flow')
    .values({
      id_hash: idHash,
      state: flow.state,
      nonce: flow.nonce,
      code_verifier: flow.codeVerifier,
      return_to: flow.returnTo,
      created_at: now,
      expires_at: flow.expiresAt,
      kept_form: flow.keptForm.length > 0 ? JSON.stringify(flow.keptForm) : null,
    })
    .execute();
}

/** The flow, deleted in the same statement: a callback can use it once, even if it then fails. */
export async function takeOidcFlow(db: Db, idHash: string): Promise<OidcFlow | null> {
  const row = await db
    .deleteFrom('oidc_flow')
    .where('id_hash', '=', idHash)
    .returning(['state', 'nonce', 'code_verifier', 'return_to', 'expires_at', 'kept_form'])
    .executeTakeFirst();
  return row
    ? {
        state: row.state,
        nonce: row.nonce,
        codeVerifier: row.code_verifier,
        returnTo: row.return_to,
        expiresAt: row.expires_at,
        keptForm: keptPairs(row.kept_form),
      }
    : null;
}

export async function purgeExpiredOidcFlows(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('oidc_flow').where('expires_at', '<=', now).execute();
}

/** The account linked to the provider's subject, if any. */
export async function findLinkedUserId(db: Db, issuer: string, subject: string): Promise<string | null> {
  const row = await db
    .selectFrom('oidc_identity')
    .select('user_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** The subject an account is linked to at this provider, if any. */
export async function findLinkedSubject(db: Db, issuer: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('oidc_identity')
    .select('subject')
    .where('issuer', '=', issuer)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.subject ?? null;
}

/**
 * Links the account to the subject; false when either is already linked (a concurrent first
 * sign-on won the race), which the caller refuses rather than guess.
 */
export async function linkOidcIdentity(
  db: Db,
  link: { issuer: string; subject: string; userId: string },
  now: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('oidc_identity')
    .values({
      issuer: link.issuer,
      subject: link.subject,
      user_id: link.userId,
      created_at: now,
      last_used_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('subject')
    .executeTakeFirst();
  return row !== undefined;
}

export async function touchOidcIdentity(db: Db, issuer: string, subject: string, now: Date): Promise<void> {
  await db
    .updateTable('oidc_identity')
    .set({ last_used_at: now })
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .execute();
}
