import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDictionary } from '../text/dictionary.ts';
import { prepareCatalogue } from './catalogue.ts';
import { checkOverlap } from './check.ts';
import { findCatalogueDuplicates } from './duplicates.ts';
import { DEFAULT_OVERLAP_RULES } from './rules.ts';
import { realCatalogue, realDictionary } from './test-support.ts';
import type { OverlapPlatform, OverlapProposal } from './types.ts';

/**
 * checkOverlap is bounded even on input no validator has seen: the service validates first, but
 * a batch job or a future caller may not. Nothing here may throw or take long.
 */
const rules = DEFAULT_OVERLAP_RULES;

function timed(proposal: OverlapProposal): number {
  const start = performance.now();
  const result = checkOverlap(proposal, realCatalogue(), rules);
  assert.ok(['overlap', 'related', 'clear'].includes(result.verdict));
  return performance.now() - start;
}

describe('checkOverlap on hostile input', () => {
  it('cuts a 100,000-character name', () => {
    assert.ok(timed({ name: 'Hệ thống đấu thầu qua mạng '.repeat(4_000) }) < 2_000);
    assert.ok(timed({ name: 'đ'.repeat(100_000) }) < 2_000);
  });

  it('reads a bounded number of functions', () => {
    const functions = Array.from({ length: 10_000 }, (_, i) => `Chức năng họp trực tuyến số ${i}`);
    assert.ok(timed({ name: 'Hệ thống tổng hợp', functions, data: functions }) < 5_000);
  });

  it('survives control characters, lone surrogates, emoji, marks and bidi controls', () => {
    const strange = [
      '\u0000\u0001\u001f\u007f\u0085',
      'Hệ thống \uD800 đấu \uDFFF thầu',
      '👩‍💻 Nền tảng 🇻🇳 họp trực tuyến',
      `a${'\u0301'.repeat(10_000)}`,
      '\u202E đấu thầu \u202C \u200B\u200D\uFEFF',
      '(((((((((((((((((((('.repeat(500),
      'SOC'.repeat(30_000),
    ];
    for (const name of strange) timed({ name, description: name, functions: [name] });
  });

  it('treats values of the wrong type as absent', () => {
    const weird = { name: 42, description: { x: 1 }, functions: 'họp', data: [null, 5, 'dữ liệu'] };
    assert.doesNotThrow(() => checkOverlap(weird as unknown as OverlapProposal, realCatalogue(), rules));
  });

  it('is clear against an empty catalogue', () => {
    const empty = prepareCatalogue([], buildDictionary([]));
    assert.deepEqual(checkOverlap({ name: 'Hệ thống đấu thầu qua mạng' }, empty, rules), {
      verdict: 'clear',
      matches: [],
    });
    assert.deepEqual(findCatalogueDuplicates(empty, rules), []);
  });

  it('prepares a catalogue whose entries are themselves hostile', () => {
    const platforms: OverlapPlatform[] = [
      {
        id: 'x',
        name: '\uD800'.repeat(50_000),
        aliases: ['', '\u0000'],
        description: 'a. '.repeat(20_000),
        functions: Array.from({ length: 5_000 }, () => 'b'),
        kind: 'national_platform',
        scope: 'nationwide',
        status: null,
        ownerName: null,
        focalPoint: null,
      },
    ];
    const start = performance.now();
    const catalogue = prepareCatalogue(platforms, realDictionary());
    checkOverlap({ name: 'b' }, catalogue, rules);
    assert.ok(performance.now() - start < 5_000);
  });
});
