import { ownerFamily, type OrganisationDirectory } from './catalogue.ts';
import { isAwaitingReview, isClosed, isEditable, type ChangeRequestStatus } from './change-request.ts';
import { isActiveOn } from './organisation.ts';
import { AUTHORITY_ROLES, type Role, type User } from './user.ts';

/**
 * Who may do what: ONE pure function, `can(actor, action, target)`, tested over the whole
 * matrix in permission.test.ts. Services call it before every read of restricted data and
 * every write; nothing else decides.
 */
export interface Actor {
  userId: string;
  role: Role;
  organisationId: string;
  /**
   * The actor's organisation and every body merged, renamed or split into it: a successor
   * ministry answers for what its predecessors declared, a merged province for the records of
   * the provinces it came from.
   */
  organisationFamily: ReadonlySet<string>;
  /** False when the organisation no longer exists: its users keep read access only. */
  organisationActive: boolean;
}

export function actorFor(
  user: Pick<User, 'id' | 'role' | 'organisationId'>,
  directory: OrganisationDirectory,
  today: string,
): Actor {
  const organisation = directory.byId.get(user.organisationId);
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    organisationFamily: ownerFamily(directory, user.organisationId),
    organisationActive: organisation ? isActiveOn(organisation, today) : false,
  };
}

/** What each action is done to; the type ties every action to its kind of target. */
export interface ActionTargets {
  /** The published catalogue: platforms, editions, organisations, statistics, versions. */
  'catalogue.read': { kind: 'catalogue' };
  /** Propose a change to, or the retirement of, a published platform. */
  'platform.propose_change': { kind: 'platform'; ownerId: string | null };
  /** Propose a new platform owned by `ownerId`. */
  'platform.propose_new': { kind: 'new_platform'; ownerId: string };
  'change_request.read': ChangeRequestTarget;
  'change_request.edit': ChangeRequestTarget;
  'change_request.submit': ChangeRequestTarget;
  'change_request.withdraw': ChangeRequestTarget;
  'change_request.comment': ChangeRequestTarget;
  /** Request changes, approve (publish) or reject. */
  'change_request.decide': ChangeRequestTarget;
  'review_queue.read': { kind: 'review_queue' };
  /** A locality's own records: adoption declarations, planned systems, overlap checks. */
  'locality_record.read': { kind: 'locality_record'; localityId: string };
  'locality_record.manage': { kind: 'locality_record'; localityId: string };
  'user.manage': { kind: 'user' };
  'organisation.manage': { kind: 'organisation' };
  'edition.manage': { kind: 'edition' };
  'holiday.manage': { kind: 'holiday' };
  /** The search and overlap dictionary (abbreviations, synonyms, spelling variants). */
  'term.manage': { kind: 'term' };
  'audit.read': { kind: 'audit_log' };
  /** Register, change and remove webhook endpoints, and read their delivery log. */
  'webhook.manage': { kind: 'webhook' };
  /** Confirm that a published platform's record is still current (the owner's periodic check). */
  'platform.confirm': { kind: 'platform'; ownerId: string | null };
  /** Who declared and who confirmed: the authority's follow-up of ministries and agencies. */
  'declarations.read': { kind: 'declarations' };
  /** Accept or reject a locality's justification of a system that overlaps the catalogue. */
  'locality_record.review': { kind: 'locality_record'; localityId: string };
  /** The nationwide report of local systems against the catalogue, and its recomputation. */
  'overlap_report.read': { kind: 'overlap_report' };
  'overlap_report.recompute': { kind: 'overlap_report' };
  /** The overlap check's thresholds and counterpart rules (run-time settings). */
  'overlap_rules.manage': { kind: 'overlap_rules' };
  /** Near-duplicate entries inside the catalogue, and marking a pair "not a duplicate". */
  'catalogue_hygiene.read': { kind: 'catalogue_hygiene' };
  'catalogue_hygiene.manage': { kind: 'catalogue_hygiene' };
  /** One body's row of the declaration follow-up: the authority, or that body's own editors. */
  'declaration.read': { kind: 'declaration'; organisationId: string };
  /** Check a local system against the catalogue now (its locality's officers, the authority). */
  'locality_record.check': { kind: 'locality_record'; localityId: string };
}
export type Action = keyof ActionTargets;

export interface ChangeRequestTarget {
  kind: 'change_request';
  /** The organisation that proposes (the platform's owner). */
  ownerId: string;
  authorId: string;
  status: ChangeRequestStatus;
}

export const ACTIONS = [
  'catalogue.read',
  'platform.propose_change',
  'platform.propose_new',
  'change_request.read',
  'change_request.edit',
  'change_request.submit',
  'change_request.withdraw',
  'change_request.comment',
  'change_request.decide',
  'review_queue.read',
  'locality_record.read',
  'locality_record.manage',
  'user.manage',
  'organisation.manage',
  'edition.manage',
  'holiday.manage',
  'audit.read',
  'term.manage',
  'webhook.manage',
  'platform.confirm',
  'declarations.read',
  'locality_record.review',
  'overlap_report.read',
  'overlap_report.recompute',
  'overlap_rules.manage',
  'catalogue_hygiene.read',
  'catalogue_hygiene.manage',
  'declaration.read',
  'locality_record.check',
] as const satisfies readonly Action[];

const READS: ReadonlySet<Action> = new Set<Action>([
  'catalogue.read',
  'change_request.read',
  'review_queue.read',
  'locality_record.read',
  'audit.read',
  'declarations.read',
  'overlap_report.read',
  'catalogue_hygiene.read',
  'declaration.read',
]);

const isAuthority = (actor: Actor) => AUTHORITY_ROLES.includes(actor.role);

export function can<A extends Action>(actor: Actor | null, action: A, target: ActionTargets[A]): boolean {
  if (action === 'catalogue.read') return true; // the published catalogue is open data
  if (!actor) return false; // everything else needs an account
  // A body that no longer exists writes nothing; its users are moved to the successor.
  if (!actor.organisationActive && !READS.has(action)) return false;
  const t = target as ActionTargets[Action];
  const ownsIt = (ownerId: string | null) => ownerId !== null && actor.organisationFamily.has(ownerId);
  const editor = actor.role === 'ministry_editor';

  switch (action) {
    case 'platform.propose_change':
      return editor && ownsIt((t as ActionTargets['platform.propose_change']).ownerId);
    case 'platform.propose_new':
      // A new platform is declared by the proposer's own body, never under a predecessor's name.
      return editor && (t as ActionTargets['platform.propose_new']).ownerId === actor.organisationId;
    case 'change_request.read': {
      const cr = t as ChangeRequestTarget;
      // A draft is the ministry's own work until it is submitted; unpublished content is
      // shown to nobody outside the owner and the authority.
      if (editor && ownsIt(cr.ownerId)) return true;
      return isAuthority(actor) && cr.status !== 'draft';
    }
    case 'change_request.edit':
    case 'change_request.submit': {
      const cr = t as ChangeRequestTarget;
      return editor && ownsIt(cr.ownerId) && isEditable(cr.status);
    }
    case 'change_request.withdraw': {
      const cr = t as ChangeRequestTarget;
      return editor && ownsIt(cr.ownerId) && !isClosed(cr.status);
    }
    case 'change_request.comment': {
      const cr = t as ChangeRequestTarget;
      if (isClosed(cr.status)) return false;
      if (editor && ownsIt(cr.ownerId)) return true;
      return isAuthority(actor) && cr.status !== 'draft';
    }
    case 'change_request.decide': {
      const cr = t as ChangeRequestTarget;
      // Administrators review too (a small authority has few people); nobody decides on a
      // request they wrote themselves.
      return isAuthority(actor) && isAwaitingReview(cr.status) && cr.authorId !== actor.userId;
    }
    case 'platform.confirm':
      return editor && ownsIt((t as ActionTargets['platform.confirm']).ownerId);
    case 'review_queue.read':
    case 'audit.read':
    case 'declarations.read':
      return isAuthority(actor);
    case 'catalogue_hygiene.read':
    case 'catalogue_hygiene.manage':
      return isAuthority(actor);
    case 'overlap_rules.manage':
      return actor.role === 'authority_admin';
    case 'locality_record.read': {
      const { localityId } = t as ActionTargets['locality_record.read'];
      return isAuthority(actor) || (actor.role === 'locality_officer' && ownsIt(localityId));
    }
    case 'locality_record.manage': {
      const { localityId } = t as ActionTargets['locality_record.manage'];
      return actor.role === 'locality_officer' && ownsIt(localityId);
    }
    case 'locality_record.check': {
      const { localityId } = t as ActionTargets['locality_record.check'];
      return isAuthority(actor) || (actor.role === 'locality_officer' && ownsIt(localityId));
    }
    case 'locality_record.review':
    case 'overlap_report.read':
    case 'overlap_report.recompute':
      return isAuthority(actor);
    case 'declaration.read':
      return (
        isAuthority(actor) || (editor && ownsIt((t as ActionTargets['declaration.read']).organisationId))
      );
    case 'user.manage':
    case 'organisation.manage':
    case 'edition.manage':
    case 'holiday.manage':
    case 'term.manage':
    case 'webhook.manage':
      return actor.role === 'authority_admin';
  }
  return false;
}
