/**
 * For tests only (it reads the seed files): the real catalogue as the engine sees it, built the
 * way the evaluation script builds it. Domain code never imports this file.
 */
import { buildDictionary, type Dictionary } from '../text/dictionary.ts';
import { derivePlatformFields } from '../../seed/derive-platform.ts';
import { readSeed } from '../../seed/read-seed.ts';
import { readTermEntries } from '../../seed/read-terms.ts';
import { prepareCatalogue, type PreparedCatalogue } from './catalogue.ts';
import { overlapPlatformsFromSeed } from './from-seed.ts';
import type { OverlapPlatform } from './types.ts';

let dictionary: Dictionary | undefined;
let platforms: OverlapPlatform[] | undefined;
let catalogue: PreparedCatalogue | undefined;

export function realDictionary(): Dictionary {
  return (dictionary ??= buildDictionary(readTermEntries()));
}

export function realPlatforms(): OverlapPlatform[] {
  return (platforms ??= overlapPlatformsFromSeed(readSeed(), derivePlatformFields));
}

export function realCatalogue(): PreparedCatalogue {
  return (catalogue ??= prepareCatalogue(realPlatforms(), realDictionary()));
}

/** The published sample, when the shared folder sits beside the repository. */
export const SAMPLE_FILE = new URL('../../../../shared/eval/overlap-sample.jsonl', import.meta.url);
