import { userNames } from '../db/change-request.repository.ts';
import type { Db } from '../db/database.ts';
import {
  listVersions,
  readPlatform,
  type CurrentPlatform,
  type StoredVersion,
} from '../db/platform-version.repository.ts';
import { NotFoundError } from '../domain/errors.ts';
import { can, type Actor } from '../domain/permission.ts';
import { compareContent, type FieldChange, type PlatformContent } from '../domain/platform-version.ts';

/**
 * A platform's published versions: open data, like the catalogue. Which civil servant proposed
 * and approved a version is shown to those who may read the change requests themselves (the
 * authority and the owning ministry); the public sees the reason and the date.
 */
export interface VersionSummary {
  version: number;
  createdAt: string;
  reason: string;
  /** Frozen when versions began to be kept, or the state before the first recorded change. */
  baseline: boolean;
  changeRequestId: string | null;
  author: { id: string; name: string } | null;
  approvedBy: { id: string; name: string } | null;
}

export interface VersionDetail extends VersionSummary {
  content: PlatformContent;
}

export function createPlatformVersionService({ db }: { db: Db }) {
  const load = async (key: string): Promise<{ platform: CurrentPlatform; versions: StoredVersion[] }> => {
    const platform = await readPlatform(db, key);
    if (!platform) throw new NotFoundError('platform', key);
    const versions = await listVersions(db, platform.id);
    // Nothing frozen yet (a platform never changed through the registry): its current state is version 1.
    if (!versions.some((v) => v.version === platform.version))
      versions.unshift({
        platformId: platform.id,
        version: platform.version,
        content: platform.content,
        changeRequestId: null,
        authorId: null,
        approvedBy: null,
        reason: '',
        createdAt: platform.updatedAt.toISOString(),
      });
    return { platform, versions };
  };

  const summaries = async (actor: Actor | null, platform: CurrentPlatform, versions: StoredVersion[]) => {
    const owner = platform.content.declaredOwnerId ?? '';
    const showPeople = can(actor, 'change_request.read', {
      kind: 'change_request',
      ownerId: owner,
      authorId: '',
      status: 'approved',
    });
    const names = showPeople
      ? await userNames(
          db,
          versions.flatMap((v) => [v.authorId, v.approvedBy].filter((id): id is string => !!id)),
        )
      : new Map<string, string>();
    const person = (id: string | null) => (showPeople && id ? { id, name: names.get(id) ?? '' } : null);
    return versions.map((v): VersionDetail => ({
      version: v.version,
      createdAt: v.createdAt,
      reason: v.reason,
      baseline: v.changeRequestId === null,
      changeRequestId: showPeople ? v.changeRequestId : null,
      author: person(v.authorId),
      approvedBy: person(v.approvedBy),
      content: v.content,
    }));
  };

  const one = (versions: VersionDetail[], key: string, version: number) => {
    const found = versions.find((v) => v.version === version);
    if (!found) throw new NotFoundError('platform_version', `${key}@${version}`);
    return found;
  };

  return {
    async list(actor: Actor | null, key: string) {
      const { platform, versions } = await load(key);
      const items = (await summaries(actor, platform, versions)).map(
        ({ content: _content, ...summary }) => summary,
      );
      return { platform: { id: platform.id, slug: platform.slug, version: platform.version }, items };
    },

    async get(actor: Actor | null, key: string, version: number): Promise<VersionDetail> {
      const { platform, versions } = await load(key);
      return one(await summaries(actor, platform, versions), key, version);
    },

    /** Any two versions, field by field (either order). */
    async compare(
      actor: Actor | null,
      key: string,
      from: number,
      to: number,
    ): Promise<{ from: VersionSummary; to: VersionSummary; changes: FieldChange[] }> {
      const { platform, versions } = await load(key);
      const all = await summaries(actor, platform, versions);
      const { content: a, ...fromSummary } = one(all, key, from);
      const { content: b, ...toSummary } = one(all, key, to);
      return { from: fromSummary, to: toSummary, changes: compareContent(a, b) };
    },
  };
}
export type PlatformVersionService = ReturnType<typeof createPlatformVersionService>;
