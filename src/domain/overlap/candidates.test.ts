import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkOverlap } from './check.ts';
import { LABELLED_CASES } from './labelled-cases.ts';
import { DEFAULT_OVERLAP_RULES } from './rules.ts';
import { realCatalogue, SAMPLE_FILE } from './test-support.ts';

describe('candidate generation', () => {
  it('loses nothing against scoring every platform, on the labelled cases and the sample', () => {
    const everything = { ...DEFAULT_OVERLAP_RULES, maxCandidates: 1_000_000 };
    const sample = existsSync(SAMPLE_FILE)
      ? readFileSync(SAMPLE_FILE, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as { name: string })
      : [];
    for (const c of [...LABELLED_CASES, ...sample]) {
      const pruned = checkOverlap(c, realCatalogue(), DEFAULT_OVERLAP_RULES);
      const full = checkOverlap(c, realCatalogue(), everything);
      assert.deepEqual(pruned, full, c.name);
    }
  });
});
