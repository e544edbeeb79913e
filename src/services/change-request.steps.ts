import type { Db } from '../db/database.ts';
import {
  findChangeRequest,
  updateChangeRequest,
  type ChangeRequestChanges,
} from '../db/change-request.repository.ts';
import { readPlatform } from '../db/platform-version.repository.ts';
import type { ChangeRequest } from '../domain/change-request.ts';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { can, type Action, type Actor } from '../domain/permission.ts';
import { compareContent } from '../domain/platform-version.ts';
import { completenessOf } from './change-request.view.ts';
import { requireActor } from './user.service.ts';

/** The checks every step of a change request goes through: visibility, permission, version, readiness. */
export const target = (cr: ChangeRequest) =>
  ({ kind: 'change_request', ownerId: cr.organisationId, authorId: cr.authorId, status: cr.status }) as const;

/** What the audit log keeps of a request. */
export const auditState = (cr: ChangeRequest) => ({
  status: cr.status,
  summary: cr.summary,
  proposed: cr.proposed,
  basePlatformVersion: cr.basePlatformVersion,
  version: cr.version,
});

/** 404 when the caller may not see it at all: a draft's existence does not leak. */
export async function loadVisible(db: Db, actor: Actor | null, id: string): Promise<ChangeRequest> {
  const cr = await findChangeRequest(db, id);
  if (!cr || !can(requireActor(actor), 'change_request.read', target(cr)))
    throw new NotFoundError('change_request', id);
  return cr;
}

export function authorise(actor: Actor, action: Action, cr: ChangeRequest): void {
  if (!can(actor, action, target(cr))) throw new NotAllowedError(action);
}

/** The client must have seen the current version (and the status it implies). */
export function expectVersion(cr: ChangeRequest, version: number): void {
  if (cr.version !== version) throw new ConflictError('version_mismatch', { currentVersion: cr.version });
}

/** Applies `changes` in the transaction, or 409 if another write came first. */
export async function writeChangeRequest(
  tx: Db,
  cr: ChangeRequest,
  changes: ChangeRequestChanges,
  now: Date,
): Promise<ChangeRequest> {
  const updated = await updateChangeRequest(tx, cr.id, cr.version, changes, now);
  if (!updated)
    throw new ConflictError('version_mismatch', {
      currentVersion: (await findChangeRequest(tx, cr.id))?.version,
    });
  return updated;
}

/** What must hold to submit: the required fields, a real change, and an up-to-date base. */
export async function readyToSubmit(db: Db, cr: ChangeRequest): Promise<void> {
  const current = cr.platformId ? await readPlatform(db, cr.platformId) : null;
  if (cr.kind !== 'create') {
    if (!current) throw new ConflictError('platform_gone');
    if (current.version !== cr.basePlatformVersion)
      throw new ConflictError('platform_changed', {
        basePlatformVersion: cr.basePlatformVersion,
        currentPlatformVersion: current.version,
      });
  }
  if (cr.kind === 'retire') return; // retiring needs no more than the reason in the summary
  const missing = completenessOf(cr, current).missingRequired;
  if (missing.length > 0)
    throw new InvalidInputError(
      missing.map((field) => ({ field: `proposed.${field}`, code: 'missing_for_submit' })),
    );
  if (cr.kind === 'update' && current && compareContent(current.content, cr.proposed).length === 0)
    throw new InvalidInputError([{ field: 'proposed', code: 'no_changes' }]);
}
