import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSeed } from '../../seed/read-seed.ts';
import { PROVINCE_NAMES } from './places.ts';

describe('PROVINCE_NAMES', () => {
  it('holds every province of seed/provinces-2025.csv and every one it was formed from', () => {
    const known = new Set(PROVINCE_NAMES);
    for (const p of readSeed().provinces) {
      for (const name of [p.nameVi, ...p.mergedFromVi]) {
        assert.ok(known.has(name.replace(/^(Tỉnh|Thành phố) /, '')), name);
      }
    }
  });
});
