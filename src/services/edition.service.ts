import {
  declaredVsRegistered,
  statistics,
  type DeclaredVsRegistered,
  type Statistics,
} from '../domain/catalogue.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Platform } from '../domain/platform.ts';
import type { StoredEdition } from '../db/edition.repository.ts';
import type { CatalogueService, CatalogueSnapshot } from './catalogue.service.ts';

export interface EditionView extends StoredEdition {
  registeredTotal: number;
}

export interface EditionDetailView extends EditionView {
  perOwner: DeclaredVsRegistered[];
  registeredWithoutOwner: number;
  platforms: Platform[];
}

function listed(snapshot: CatalogueSnapshot, edition: StoredEdition): Platform[] {
  return snapshot.platforms.filter((p) => p.editions.includes(edition.document.number));
}

export function createEditionService(catalogue: CatalogueService, today: () => string) {
  return {
    /** Each edition's document number with its date, for citing it as "… ngày dd/mm/yyyy". */
    async documentDates(): Promise<Map<string, string>> {
      const snapshot = await catalogue.snapshot();
      return new Map(snapshot.editions.map((e) => [e.document.number, e.document.issuedOn]));
    },

    async list(): Promise<EditionView[]> {
      const snapshot = await catalogue.snapshot();
      return snapshot.editions.map((e) => ({ ...e, registeredTotal: listed(snapshot, e).length }));
    },

    /** By id or by document number ("2765/BTTTT-CĐSQG"). */
    async get(key: string): Promise<EditionDetailView> {
      const snapshot = await catalogue.snapshot();
      const edition = snapshot.editions.find((e) => e.id === key || e.document.number === key);
      if (!edition) throw new NotFoundError('edition', key);
      const platforms = listed(snapshot, edition);
      const { rows, unknownOwner } = declaredVsRegistered(
        snapshot.directory,
        edition.declaredCounts,
        platforms,
        today(),
      );
      return {
        ...edition,
        registeredTotal: platforms.length,
        perOwner: rows,
        registeredWithoutOwner: unknownOwner,
        platforms,
      };
    },

    async statistics(): Promise<Statistics> {
      return statistics((await catalogue.snapshot()).platforms);
    },
  };
}
export type EditionService = ReturnType<typeof createEditionService>;
