import { normaliseEmail } from './user.ts';

/**
 * Single sign-on rules, pure: which claims of the identity provider name a registry account,
 * and where the browser may be sent afterwards. Signing on never creates an account or grants
 * a role: it opens a session for an account that already exists and is enabled.
 */
export interface SignOnIdentity {
  subject: string;
  /** The verified address (normalised), or null when the provider gave none. */
  email: string | null;
}

export function signOnIdentity(
  claims: Readonly<Record<string, unknown>>,
  options: { emailClaim: string; requireVerifiedEmail: boolean },
): SignOnIdentity {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const raw = claims[options.emailClaim];
  // OIDC Core 5.1: email_verified is a boolean; some providers send the string "true".
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const usable = typeof raw === 'string' && raw.includes('@') && (verified || !options.requireVerifiedEmail);
  return { subject, email: usable ? normaliseEmail(raw) : null };
}

/**
 * Where to go after signing on: a path on this site only ("/x", not "//evil.example" or
 * "/\evil.example", which browsers read as another host); anything else goes home.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  return value;
}
