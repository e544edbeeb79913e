import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import {
  bumpCatalogueRevision,
  insertPlatform,
  insertVersion,
  readPlatform,
  slugsLike,
  updatePlatformContent,
} from '../db/platform-version.repository.ts';
import { appendPublicationEvent } from '../db/publication-event.repository.ts';
import type { ChangeRequest } from '../domain/change-request.ts';
import { ConflictError } from '../domain/errors.ts';
import { platformEventType } from '../domain/notification.ts';
import { applyProposal, type PlatformContent } from '../domain/platform-version.ts';
import { slugify } from '../domain/text/vietnamese.ts';

/**
 * What approval does, inside the approving transaction: writes the platform (new, changed or
 * retired), freezes the result as an immutable version, and bumps the catalogue revision so
 * every instance shows it. Any failure (another change published first) rolls all of it back.
 */
export interface Published {
  platformId: string;
  slug: string;
  version: number;
  before: PlatformContent | null;
  after: PlatformContent;
}

/** The proposal of a retirement is fixed: the platform stays listed, as retired. */
export const RETIREMENT = { status: 'retired' } as const;

async function freeSlug(tx: Db, name: string): Promise<string> {
  const base = slugify(name) || 'nen-tang';
  const taken = await slugsLike(tx, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function publishChangeRequest(
  tx: Db,
  cr: ChangeRequest,
  approvedBy: string,
  now: Date,
): Promise<Published> {
  const ids = () => randomUUID();
  let published: Omit<Published, 'after'> & { after: PlatformContent };
  if (cr.kind === 'create') {
    const after = applyProposal(null, cr.proposed, cr.organisationId);
    const id = randomUUID();
    const slug = await freeSlug(tx, after.name);
    await insertPlatform(tx, { id, slug, content: after }, now, ids);
    published = { platformId: id, slug, version: 1, before: null, after };
  } else {
    const current = cr.platformId ? await readPlatform(tx, cr.platformId) : null;
    if (!current) throw new ConflictError('platform_gone');
    const stale = () =>
      new ConflictError('platform_changed', {
        basePlatformVersion: cr.basePlatformVersion,
        currentPlatformVersion: current.version,
      });
    if (current.version !== cr.basePlatformVersion) throw stale();
    // A platform published before versions were kept gets its current state frozen first, so
    // the first change can be compared with what it replaced.
    await insertVersion(
      tx,
      {
        platformId: current.id,
        version: current.version,
        content: current.content,
        changeRequestId: null,
        authorId: null,
        approvedBy: null,
        reason: '',
      },
      current.updatedAt,
    );
    const after = applyProposal(current.content, cr.kind === 'retire' ? RETIREMENT : cr.proposed, null);
    const version = await updatePlatformContent(tx, current.id, current.version, after, now, ids);
    if (version === null) throw stale();
    published = { platformId: current.id, slug: current.slug, version, before: current.content, after };
  }
  await insertVersion(
    tx,
    {
      platformId: published.platformId,
      version: published.version,
      content: published.after,
      changeRequestId: cr.id,
      authorId: cr.authorId,
      approvedBy,
      reason: cr.summary,
    },
    now,
  );
  // The feed and webhooks learn of it from the same transaction (a transactional outbox).
  await appendPublicationEvent(tx, {
    id: randomUUID(),
    type: platformEventType(cr.kind),
    subject: { kind: 'platform', platformId: published.platformId, slug: published.slug },
    title: published.after.name,
    version: published.version,
    summary: cr.summary,
    occurredAt: now,
  });
  await bumpCatalogueRevision(tx, now);
  return published;
}
