import type { Db } from '../db/database.ts';
import { applySeed } from '../db/seed.repository.ts';
import { planSeed } from './plan-seed.ts';
import { readSeed } from './read-seed.ts';
import { readTermEntries } from './read-terms.ts';

/** Seeds the real catalogue from seed/ (idempotent): the one entry point for start-up, CLI and tests. */
export function seedCatalogue(db: Db, now: Date): Promise<{ inserted: number }> {
  return applySeed(db, planSeed(readSeed(), readTermEntries()), now);
}
