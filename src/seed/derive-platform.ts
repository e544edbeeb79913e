import type { PlatformKind, PlatformScope, PlatformStatus } from '../domain/platform.ts';
import type { SeedPlatform } from './read-seed.ts';

/**
 * What the seed rows imply beyond their literal columns. Each rule reads only the row itself
 * (its name, its note, the list it appears in), so a derived value never claims more than the
 * source says; anything the row is silent on stays null.
 */
export interface DerivedPlatformFields {
  aliases: string[];
  kind: PlatformKind;
  scope: PlatformScope;
  status: PlatformStatus | null;
}

const NOTE_ALIAS = /known as ([A-Z][A-Za-z0-9-]+)/g;

export function deriveAliases(row: SeedPlatform): string[] {
  const aliases = new Set<string>();
  // "… (NDXP)", "… (e-Cabinet)", "… (MOOCs)", "… (blockchain) …": the bracketed short name.
  for (const match of row.nameVi.matchAll(/\(([^)]+)\)/g)) {
    const inner = match[1]?.trim();
    if (inner) aliases.add(inner);
  }
  for (const match of (row.note ?? '').matchAll(NOTE_ALIAS)) {
    if (match[1]) aliases.add(match[1]);
  }
  return [...aliases];
}

export function derivePlatformFields(row: SeedPlatform): DerivedPlatformFields {
  const note = row.note ?? '';
  const internal = /ministry-internal/i.test(note);
  const kind: PlatformKind = internal
    ? 'internal_system'
    : row.listedIn?.includes('BKHCN')
      ? 'shared_platform'
      : row.listedIn
        ? 'national_platform'
        : 'national_information_system';
  return {
    aliases: deriveAliases(row),
    kind,
    scope: internal ? 'internal' : 'nationwide',
    status: /in operation/i.test(note) ? 'operating' : null,
  };
}
