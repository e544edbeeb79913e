import type { Selectable } from 'kysely';
import type { Role, User } from '../domain/user.ts';
import type { Db } from './database.ts';
import type { AppUserTable } from './schema.ts';

/** Users: the domain `User` never carries the password hash; sign-in reads it separately. */
type Row = Selectable<AppUserTable>;

const COLUMNS = [
  'id',
  'email',
  'name',
  'organisation_id',
  'role',
  'password_must_change',
  'disabled_at',
  'version',
  'created_at',
  'updated_at',
] as const;

function toUser(row: Pick<Row, (typeof COLUMNS)[number]>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    role: row.role as Role,
    mustChangePassword: row.password_must_change,
    disabled: row.disabled_at !== null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  organisationId: string;
  role: Role;
  passwordHash: string | null;
  mustChangePassword: boolean;
}

export async function insertUser(db: Db, user: NewUser, now: Date): Promise<User> {
  const row = await db
    .insertInto('app_user')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      organisation_id: user.organisationId,
      role: user.role,
      password_hash: user.passwordHash,
      password_must_change: user.mustChangePassword,
      password_changed_at: user.passwordHash ? now : null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) throw new EmailTakenError(user.email);
  return toUser(row);
}

/** Raised by insertUser when the address is taken; the service turns it into a field error. */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`email taken: ${email}`);
  }
}

export async function findUser(db: Db, id: string): Promise<User | null> {
  const row = await db.selectFrom('app_user').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** For sign-in only: the user with its password hash. */
export async function findCredentials(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string | null } | null> {
  const row = await db
    .selectFrom('app_user')
    .select([...COLUMNS, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function findPasswordHash(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function listUsers(db: Db, filter: { organisationId?: string } = {}): Promise<User[]> {
  let query = db.selectFrom('app_user').select(COLUMNS).orderBy('email');
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  return (await query.execute()).map(toUser);
}

export interface UserChanges {
  name?: string;
  role?: Role;
  organisationId?: string;
  disabled?: boolean;
}

/**
 * Applies the changes if the row is still at `expectedVersion` (optimistic concurrency);
 * null when another write came first.
 */
export async function updateUser(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: UserChanges,
  now: Date,
): Promise<User | null> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.organisationId !== undefined ? { organisation_id: changes.organisationId } : {}),
      ...(changes.disabled !== undefined ? { disabled_at: changes.disabled ? now : null } : {}),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function setPassword(
  db: Db,
  id: string,
  passwordHash: string,
  mustChange: boolean,
  now: Date,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: passwordHash,
      password_must_change: mustChange,
      password_changed_at: now,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Administrators who can still sign in, locked until the transaction ends: two administrators
 * demoting each other at the same moment must not leave none.
 */
export async function lockActiveAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'authority_admin')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}
