import type { FieldIssue } from './errors.ts';
import { isActiveOn, type Organisation } from './organisation.ts';

/**
 * Accounts. A user belongs to one organisation and has one role; the public is anonymous.
 * Pure rules: e-mail normalisation, the password policy, which organisations a role fits.
 */
export const ROLES = [
  'authority_admin', // quản trị viên của cơ quan quản lý danh mục
  'authority_reviewer', // cán bộ thẩm định
  'ministry_editor', // cán bộ cập nhật của bộ, ngành
  'locality_officer', // cán bộ của địa phương
] as const;
export type Role = (typeof ROLES)[number];

export const AUTHORITY_ROLES: readonly Role[] = ['authority_admin', 'authority_reviewer'];

export interface User {
  id: string;
  email: string;
  name: string;
  organisationId: string;
  role: Role;
  mustChangePassword: boolean;
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** E-mail addresses compare case-insensitively in practice; stored lower-case NFC, trimmed. */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailIssue(field: string, email: string): FieldIssue | null {
  if (email.length > 254) return { field, code: 'too_big', params: { maximum: 254 } };
  return EMAIL.test(email) ? null : { field, code: 'invalid_email' };
}

// OWASP ASVS 2.1.1/2.1.2: at least 12 characters, up to 128, any characters, no composition
// rules (2.1.9). Lengths count code points after NFKC, as NIST SP 800-63B §5.1.1.2 advises.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function passwordIssues(field: string, password: string, email: string | null): FieldIssue[] {
  const length = [...normalisePassword(password)].length;
  if (length < PASSWORD_MIN_LENGTH)
    return [{ field, code: 'password_too_short', params: { minimum: PASSWORD_MIN_LENGTH } }];
  if (length > PASSWORD_MAX_LENGTH)
    return [{ field, code: 'too_big', params: { maximum: PASSWORD_MAX_LENGTH } }];
  // ASVS 2.1.7 asks to refuse guessable passwords; the account's own name is the first guess.
  const local = email?.split('@')[0] ?? '';
  if (local.length >= 4 && normalisePassword(password).toLowerCase().includes(local))
    return [{ field, code: 'password_contains_email' }];
  return [];
}

/**
 * Which organisations a role may belong to: the authority and ministry editors sit in central
 * bodies, locality officers in provinces and communes; and the body must exist today (a user
 * of a merged ministry is moved to its successor rather than left in a body that is gone).
 */
export function roleOrganisationIssue(
  field: string,
  role: Role,
  organisation: Pick<Organisation, 'level' | 'validFrom' | 'validTo'>,
  today: string,
): FieldIssue | null {
  if (!isActiveOn(organisation, today)) return { field, code: 'organisation_not_current' };
  const central = organisation.level === 'central';
  const fits = role === 'locality_officer' ? !central : central;
  return fits ? null : { field, code: 'role_organisation_mismatch', params: { role } };
}
