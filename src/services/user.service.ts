import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { deleteUserSessions } from '../db/session.repository.ts';
import {
  EmailTakenError,
  findUser,
  insertUser,
  listUsers,
  lockActiveAdmins,
  updateUser,
  type UserChanges,
} from '../db/user.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import {
  ConflictError,
  InvalidInputError,
  NotAllowedError,
  NotAuthenticatedError,
  NotFoundError,
  type FieldIssue,
} from '../domain/errors.ts';
import type { Organisation } from '../domain/organisation.ts';
import { can, type Actor } from '../domain/permission.ts';
import {
  emailIssue,
  normaliseEmail,
  passwordIssues,
  roleOrganisationIssue,
  type Role,
  type User,
} from '../domain/user.ts';
import { vi } from '../i18n/vi.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { generatePassword, hashPassword } from './credentials.ts';
import { issuePasswordToken } from './password-reset.service.ts';
import { findOrganisation } from './platform.service.ts';

/**
 * User management, for administrators only. A new account gets no password: its owner sets one
 * through the invitation e-mailed to them (no default passwords, ASVS 2.1 / 2.3.1).
 */
export interface UserServiceDeps {
  db: Db;
  clock: Clock;
  config: Config['auth'];
  catalogue: CatalogueService;
  linkBase: string;
}

export interface UserView extends User {
  organisation: { id: string; code: string; name: string } | null;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new NotAuthenticatedError();
  return actor;
}

/** `user` without anything secret, for the audit log. */
export function auditedUser(user: User) {
  const { id, email, name, organisationId, role, disabled, mustChangePassword, version } = user;
  return { id, email, name, organisationId, role, disabled, mustChangePassword, version };
}

export function createUserService(deps: UserServiceDeps) {
  const { db, clock, catalogue } = deps;

  const allowed = (actor: Actor | null) => {
    if (!can(requireActor(actor), 'user.manage', { kind: 'user' })) throw new NotAllowedError('user.manage');
  };
  const view = async (user: User): Promise<UserView> => {
    const org = (await catalogue.snapshot()).directory.byId.get(user.organisationId);
    return { ...user, organisation: org ? { id: org.id, code: org.code, name: org.name } : null };
  };
  const organisation = async (key: string): Promise<Organisation> => {
    const org = findOrganisation(await catalogue.snapshot(), key);
    if (!org) throw new InvalidInputError([{ field: 'organisation', code: 'not_found' }]);
    return org;
  };
  const fits = (role: Role, org: Organisation, field: string) => {
    const issue = roleOrganisationIssue(field, role, org, clock.today());
    if (issue) throw new InvalidInputError([issue]);
  };

  return {
    /** The signed-in user's own account (no permission needed to see oneself). */
    self: view,

    async list(actor: Actor | null, filter: { organisation?: string } = {}): Promise<UserView[]> {
      allowed(actor);
      const organisationId = filter.organisation ? (await organisation(filter.organisation)).id : undefined;
      return Promise.all((await listUsers(db, organisationId ? { organisationId } : {})).map(view));
    },

    async get(actor: Actor | null, id: string): Promise<UserView> {
      allowed(actor);
      const user = await findUser(db, id);
      if (!user) throw new NotFoundError('user', id);
      return view(user);
    },

    async create(
      actor: Actor | null,
      input: { email: string; name: string; role: Role; organisation: string },
      context: WriteContext,
    ): Promise<UserView> {
      allowed(actor);
      const email = normaliseEmail(input.email);
      const issues: FieldIssue[] = [emailIssue('email', email)].filter((i): i is FieldIssue => i !== null);
      if (issues.length > 0) throw new InvalidInputError(issues);
      const org = await organisation(input.organisation);
      fits(input.role, org, 'organisation');
      const now = clock.now();
      try {
        const user = await db.transaction().execute(async (tx) => {
          const created = await insertUser(
            tx,
            {
              id: randomUUID(),
              email,
              name: input.name.trim(),
              organisationId: org.id,
              role: input.role,
              passwordHash: null,
              mustChangePassword: false,
            },
            now,
          );
          await issuePasswordToken(tx, deps, created, 'invitation', now, {
            role: vi.role[input.role],
            organisation: org.name,
          });
          await appendAudit(
            tx,
            context,
            [
              {
                action: 'user.create',
                targetType: 'user',
                targetId: created.id,
                after: auditedUser(created),
              },
            ],
            now,
          );
          return created;
        });
        return view(user);
      } catch (error) {
        if (error instanceof EmailTakenError)
          throw new InvalidInputError([{ field: 'email', code: 'email_taken' }]);
        throw error;
      }
    },

    /**
     * The command line's way in (`npm run cli -- create-admin`): creates an administrator with
     * no permission check, since whoever runs it already holds the server and its database.
     * Without a password, one is generated, shown once, and must be changed at first sign-in.
     */
    async createAdminFromCli(
      input: { email: string; name: string; organisation: string; password: string | null },
      context: WriteContext,
    ): Promise<{ user: UserView; generatedPassword: string | null }> {
      const email = normaliseEmail(input.email);
      const issues: FieldIssue[] = [
        emailIssue('email', email),
        input.name.trim() === '' ? { field: 'name', code: 'required' } : null,
        ...(input.password === null ? [] : passwordIssues('password', input.password, email)),
      ].filter((i): i is FieldIssue => i !== null);
      if (issues.length > 0) throw new InvalidInputError(issues);
      const org = await organisation(input.organisation);
      fits('authority_admin', org, 'organisation');
      const generatedPassword = input.password === null ? generatePassword() : null;
      const passwordHash = await hashPassword(input.password ?? (generatedPassword as string));
      const now = clock.now();
      try {
        const user = await db.transaction().execute(async (tx) => {
          const created = await insertUser(
            tx,
            {
              id: randomUUID(),
              email,
              name: input.name.trim(),
              organisationId: org.id,
              role: 'authority_admin',
              passwordHash,
              mustChangePassword: generatedPassword !== null,
            },
            now,
          );
          await appendAudit(
            tx,
            context,
            [
              {
                action: 'user.create',
                targetType: 'user',
                targetId: created.id,
                after: { ...auditedUser(created), via: 'cli' },
              },
            ],
            now,
          );
          return created;
        });
        return { user: await view(user), generatedPassword };
      } catch (error) {
        if (error instanceof EmailTakenError)
          throw new InvalidInputError([{ field: 'email', code: 'email_taken' }]);
        throw error;
      }
    },

    /**
     * Renames, changes role or organisation, disables or enables, if the caller saw the current
     * `version` (else 409: the other administrator's change is kept). Disabling ends the
     * user's sessions at once; a role change takes effect on their next request.
     */
    async update(
      actor: Actor | null,
      id: string,
      input: UserChanges & { version: number; organisation?: string },
      context: WriteContext,
    ): Promise<UserView> {
      allowed(actor);
      const now = clock.now();
      const changes: UserChanges = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      };
      const org = input.organisation !== undefined ? await organisation(input.organisation) : null;
      if (org) changes.organisationId = org.id;
      // Read before the transaction: on PGlite the transaction holds the only connection, so a
      // snapshot rebuild inside it would wait for itself.
      const { directory } = await catalogue.snapshot();
      const updated = await db.transaction().execute(async (tx) => {
        const before = await findUser(tx, id);
        if (!before) throw new NotFoundError('user', id);
        const currentOrg = directory.byId.get(before.organisationId);
        if ((changes.role !== undefined || org) && (org ?? currentOrg)) {
          const role = changes.role ?? before.role;
          fits(role, (org ?? currentOrg) as Organisation, org ? 'organisation' : 'role');
        }
        const losesAdmin =
          before.role === 'authority_admin' &&
          !before.disabled &&
          ((changes.role !== undefined && changes.role !== 'authority_admin') || changes.disabled === true);
        if (losesAdmin) {
          const admins = await lockActiveAdmins(tx);
          if (admins.length <= 1 && admins.includes(id))
            throw new InvalidInputError([
              { field: changes.disabled ? 'disabled' : 'role', code: 'last_admin' },
            ]);
        }
        const after = await updateUser(tx, id, input.version, changes, now);
        if (!after) throw new ConflictError('version_mismatch', { currentVersion: before.version });
        const ended = after.disabled && !before.disabled ? await deleteUserSessions(tx, id) : 0;
        await appendAudit(
          tx,
          context,
          [
            {
              action: after.disabled && !before.disabled ? 'user.disable' : 'user.update',
              targetType: 'user',
              targetId: id,
              before: auditedUser(before),
              after: { ...auditedUser(after), ...(ended ? { sessionsEnded: ended } : {}) },
            },
          ],
          now,
        );
        return after;
      });
      return view(updated);
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
