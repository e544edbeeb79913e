import type { PlatformKind, PlatformScope, PlatformStatus } from '../platform.ts';
import { slugify } from '../text/vietnamese.ts';
import type { OverlapPlatform } from './types.ts';

/**
 * Seed rows → overlap platforms, for the evaluation script, the benchmark and the tests (the
 * service maps its own Platform records). Structural input types keep the domain free of the
 * seed reader. The seed states names and owners only: its notes are provenance, not
 * descriptions, so description and functions stay empty, as they are in the real catalogue.
 */

export interface SeedPlatformRow {
  nameVi: string;
  ownerVi: string | null;
}

export interface SeedSource<Row extends SeedPlatformRow> {
  platforms: readonly Row[];
  ministries: readonly { nameVi: string; predecessorsVi: readonly string[] }[];
}

export interface DerivedOverlapFields {
  aliases: string[];
  kind: PlatformKind;
  scope: PlatformScope;
  status: PlatformStatus | null;
}

export function overlapPlatformsFromSeed<Row extends SeedPlatformRow>(
  source: SeedSource<Row>,
  derive: (row: Row) => DerivedOverlapFields,
): OverlapPlatform[] {
  return source.platforms.map((row) => {
    const derived = derive(row);
    const successor = row.ownerVi
      ? source.ministries.find((m) => m.nameVi !== row.ownerVi && m.predecessorsVi.includes(row.ownerVi!))
      : undefined;
    return {
      id: slugify(row.nameVi),
      name: row.nameVi,
      aliases: derived.aliases,
      description: '',
      functions: [],
      kind: derived.kind,
      scope: derived.scope,
      status: derived.status,
      ownerName: row.ownerVi,
      currentOwnerName: successor?.nameVi ?? row.ownerVi,
      focalPoint: null,
    };
  });
}
