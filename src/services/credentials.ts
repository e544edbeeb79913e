import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { normalisePassword } from '../domain/user.ts';

/**
 * Secrets: password hashing and the random tokens of sessions and password resets.
 *
 * Passwords: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane; OWASP
 * Password Storage Cheat Sheet, ASVS 2.4.1). Tokens: 256 random bits (ASVS 3.2.2); only their
 * SHA-256 is stored, so a leaked table hands out nothing. A fast hash is right for tokens: they
 * have full entropy, unlike passwords.
 */
const ARGON2ID = 2 as Algorithm; // Algorithm is a const enum, which isolated modules cannot read
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalisePassword(password));
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a 500
  }
}

let dummy: Promise<string> | null = null;
/**
 * Spends the time of one verification when there is no hash to check (unknown account, no
 * password yet), so response times do not reveal which accounts exist (ASVS 2.2.1 / OWASP
 * Authentication Cheat Sheet).
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session: derived from the session token with HMAC, so it needs no
 * storage, changes with every session, and cannot be computed without the HttpOnly cookie
 * (a synchronizer token bound to the session; OWASP CSRF Prevention Cheat Sheet).
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('ndp-csrf-v1').digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A one-time password for the first administrator: 24 characters, 144 random bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
