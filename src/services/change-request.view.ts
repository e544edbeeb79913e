import { vietnamDate } from '../clock.ts';
import { userNames } from '../db/change-request.repository.ts';
import type { Db } from '../db/database.ts';
import { listHolidays } from '../db/holiday.repository.ts';
import { currentVersions, readPlatform, type CurrentPlatform } from '../db/platform-version.repository.ts';
import type { OrganisationDirectory } from '../domain/catalogue.ts';
import { isAwaitingReview, type ChangeRequest, type ChangeRequestComment } from '../domain/change-request.ts';
import { completeness, type Completeness } from '../domain/completeness.ts';
import type { OrganisationRef } from '../domain/platform.ts';
import {
  applyProposal,
  compareContent,
  type FieldChange,
  type PlatformContent,
} from '../domain/platform-version.ts';
import {
  addWorkingDays,
  calendarFrom,
  workingDaysBetween,
  type WorkingCalendar,
} from '../domain/working-days.ts';
import { RETIREMENT } from './platform-publish.ts';

/** Change requests as people read them: names, the review deadline, and (in detail) the diff and completeness. */
export interface Deadline {
  dueOn: string;
  /** Working days from today to the due date; negative when overdue. */
  workingDaysLeft: number;
  overdue: boolean;
}

export interface ChangeRequestView extends ChangeRequest {
  organisation: OrganisationRef | null;
  author: { id: string; name: string };
  decider: { id: string; name: string } | null;
  /** The proposal was written against an older version of the platform: it must be brought up to date. */
  platformChanged: boolean;
  deadline: Deadline | null;
}

export interface ChangeRequestDetail extends ChangeRequestView {
  platform: { id: string; slug: string; name: string; version: number } | null;
  /** Field by field: the platform as published now → as it would be after approval. */
  changes: FieldChange[];
  completeness: Completeness;
  comments: ChangeRequestComment[];
}

export async function workingCalendar(db: Db): Promise<WorkingCalendar> {
  return calendarFrom(await listHolidays(db));
}

export function deadlineOf(
  cr: ChangeRequest,
  calendar: WorkingCalendar,
  workingDays: number,
  today: string,
): Deadline | null {
  if (!isAwaitingReview(cr.status) || !cr.submittedAt) return null;
  // The time limit restarts with each (re)submission, counted from the Vietnamese calendar day.
  const dueOn = addWorkingDays(vietnamDate(new Date(cr.submittedAt)), workingDays, calendar);
  const workingDaysLeft = workingDaysBetween(today, dueOn, calendar);
  return { dueOn, workingDaysLeft, overdue: today > dueOn };
}

/** The content approval would publish (null base: a new platform). */
export function resultOf(cr: ChangeRequest, current: CurrentPlatform | null): PlatformContent {
  return applyProposal(
    current?.content ?? null,
    cr.kind === 'retire' ? RETIREMENT : cr.proposed,
    cr.organisationId,
  );
}

/** A new platform is judged on what was proposed (not on defaults); a change on the result. */
export function completenessOf(cr: ChangeRequest, current: CurrentPlatform | null): Completeness {
  return completeness(cr.kind === 'create' ? cr.proposed : resultOf(cr, current));
}

export async function viewsOf(
  db: Db,
  crs: readonly ChangeRequest[],
  context: { directory: OrganisationDirectory; today: string; workingDays: number },
): Promise<ChangeRequestView[]> {
  const [names, versions, calendar] = await Promise.all([
    userNames(
      db,
      crs.flatMap((cr) => [cr.authorId, ...(cr.decidedBy ? [cr.decidedBy] : [])]),
    ),
    currentVersions(
      db,
      crs.flatMap((cr) => (cr.platformId ? [cr.platformId] : [])),
    ),
    workingCalendar(db),
  ]);
  const person = (id: string) => ({ id, name: names.get(id) ?? '' });
  return crs.map((cr) => {
    const org = context.directory.byId.get(cr.organisationId);
    const current = cr.platformId ? versions.get(cr.platformId) : undefined;
    return {
      ...cr,
      organisation: org ? { id: org.id, name: org.name } : null,
      author: person(cr.authorId),
      decider: cr.decidedBy ? person(cr.decidedBy) : null,
      platformChanged:
        cr.status !== 'approved' && current !== undefined && current !== cr.basePlatformVersion,
      deadline: deadlineOf(cr, calendar, context.workingDays, context.today),
    };
  });
}

export async function detailOf(
  db: Db,
  cr: ChangeRequest,
  comments: ChangeRequestComment[],
  context: { directory: OrganisationDirectory; today: string; workingDays: number },
): Promise<ChangeRequestDetail> {
  const [[view], current] = await Promise.all([
    viewsOf(db, [cr], context),
    cr.platformId ? readPlatform(db, cr.platformId) : Promise.resolve(null),
  ]);
  const result = resultOf(cr, current);
  const changes =
    cr.kind === 'create' ? compareContent(null, result) : compareContent(current?.content ?? null, result);
  return {
    ...(view as ChangeRequestView),
    platform: current
      ? { id: current.id, slug: current.slug, name: current.content.name, version: current.version }
      : null,
    // Once approved, the platform's versions hold the diff (publishedVersion − 1 → publishedVersion).
    changes: cr.status === 'approved' ? [] : changes,
    completeness: completenessOf(cr, current),
    comments,
  };
}
