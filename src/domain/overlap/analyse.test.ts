import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDictionary } from '../text/dictionary.ts';
import { analyseText } from './analyse.ts';
import { saysPhrase } from './says-phrase.ts';
import { prepareCatalogue } from './catalogue.ts';
import { checkOverlap } from './check.ts';
import { DEFAULT_OVERLAP_RULES } from './rules.ts';
import { similarity } from './similarity.ts';
import { weighParts } from './segments.ts';
import { compileTextModel } from './text-model.ts';
import { DEFAULT_TEXT_RULES } from './text-rules.ts';
import { exactSyllable, foldPhrase, foldSyllable, tokenize } from './tokenize.ts';
import type { OverlapPlatform } from './types.ts';

const dictionary = buildDictionary([
  { term: 'CSDL', expansions: ['cơ sở dữ liệu'], kind: 'abbreviation' },
  { term: 'SOC', expansions: ['trung tâm giám sát an ninh mạng'], kind: 'abbreviation' },
  { term: 'trợ lý ảo', expansions: ['chatbot'], kind: 'synonym' },
  { term: 'định danh điện tử', expansions: ['eID'], kind: 'synonym' },
]);
const model = compileTextModel(dictionary, DEFAULT_TEXT_RULES);
const mults = (text: string): Record<string, number> => {
  const a = analyseText(text, model);
  return Object.fromEntries(a.syllables.map((s, i) => [s.lower, a.mults[i]!]));
};

function platform(id: string, name: string): OverlapPlatform {
  return {
    id,
    name,
    aliases: [],
    description: '',
    functions: [],
    kind: 'national_platform',
    scope: 'nationwide',
    status: null,
    ownerName: null,
    focalPoint: null,
  };
}

describe('syllables', () => {
  it('folds diacritics, đ and both spellings of i/y', () => {
    assert.deepEqual(foldPhrase('Đấu thầu QUA MẠNG'), ['dau', 'thau', 'qua', 'mang']);
    assert.equal(foldSyllable('kỹ'), foldSyllable('kĩ'));
    assert.equal(foldSyllable('lý'), 'li');
  });

  it('keeps look-alikes apart when typed with diacritics', () => {
    assert.equal(foldSyllable('cổng'), foldSyllable('công'));
    assert.notEqual(exactSyllable('cổng'), exactSyllable('công'));
    assert.equal(exactSyllable('hoà'), exactSyllable('hòa'), 'tone on either vowel');
    assert.equal(exactSyllable('thuỷ'), exactSyllable('thủy'));
  });

  it('tells punctuation from spaces and keeps hyphenated names together', () => {
    const s = tokenize('tích hợp, chia sẻ e-Cabinet');
    assert.deepEqual(
      s.map((x) => x.breakBefore),
      [false, false, true, false, false, false],
    );
  });

  it('bounds what it reads', () => {
    assert.ok(tokenize('a '.repeat(10_000)).length <= 400);
    assert.equal(tokenize('x'.repeat(1_000))[0]!.text.length, 48);
  });
});

describe('weights', () => {
  it('weighs generic words, places and project verbs low', () => {
    const m = mults('Xây dựng hệ thống đấu thầu qua mạng của tỉnh Lào Cai');
    assert.equal(m['xây'], 0);
    assert.ok(m['hệ']! < 0.2);
    assert.equal(m['đấu'], 1);
    assert.equal(m['tỉnh'], 0);
    assert.equal(m['lào'], 0);
    assert.equal(m['cai'], 0);
  });

  it('drops a commune named after its marker, but not words that only look like one', () => {
    const m = mults('Hệ thống quản lý xã hội của xã Tân Phú');
    assert.equal(m['tân'], 0);
    assert.equal(m['phú'], 0);
    assert.equal(m['hội'], 1);
  });

  it('does not read the place Sóc Trăng as SOC', () => {
    const a = analyseText('Trung tâm dữ liệu Sóc Trăng', model);
    assert.ok(!a.groups.some((g) => g.altSyllables.some((alt) => alt.join(' ').includes('an ninh mang'))));
  });

  it('weighs words for whom less than what', () => {
    const m = mults('Phần mềm đấu thầu cho các chủ đầu tư');
    assert.ok(m['chủ']! < m['đấu']!);
  });
});

describe('dictionary', () => {
  it('reads abbreviations and synonyms both ways, and phrases inside longer ones', () => {
    const a = analyseText('Hệ thống CSDL', model);
    assert.ok(saysPhrase(a, ['co', 'so', 'du', 'lieu']));
    const b = analyseText('Trung tâm giám sát an ninh mạng của tỉnh', model);
    assert.ok(saysPhrase(b, ['soc']));
  });

  it('makes synonyms and brand names match', () => {
    const catalogue = prepareCatalogue(
      [platform('a', 'Trợ lý ảo quốc gia'), platform('b', 'VNeID')],
      dictionary,
    );
    const vector = (text: string) =>
      weighParts(
        [{ part: 'name', index: 0, text, analysed: analyseText(text, catalogue.model) }],
        catalogue.vocabulary,
      )[0]!.vector;
    const [tla, vneid] = catalogue.platforms.map((p) => p.segments[0]!.vector);
    assert.ok(similarity(vector('Chatbot của tỉnh'), tla!).score > 0.8);
    assert.ok(similarity(vector('Ứng dụng định danh điện tử'), vneid!).score > 0.8);
  });
});

describe('matching', () => {
  it('scores the pg_trgm false positive low and the real duplicate high', () => {
    const catalogue = prepareCatalogue(
      [
        platform('a', 'Hệ thống mạng đấu thầu quốc gia'),
        platform('b', 'Hệ thống phòng vệ mạng quốc gia'),
        platform('c', 'Cổng dữ liệu quốc gia'),
      ],
      dictionary,
    );
    const result = checkOverlap(
      { name: 'Hệ thống phòng vệ mạng của tỉnh' },
      catalogue,
      DEFAULT_OVERLAP_RULES,
    );
    assert.deepEqual(
      result.matches.map((m) => [m.platformId, m.level]),
      [['b', 'overlap']],
    );
  });

  it('matches people typing without diacritics', () => {
    const catalogue = prepareCatalogue([platform('a', 'Cổng Dịch vụ công quốc gia')], dictionary);
    const result = checkOverlap(
      { name: 'cong dich vu cong truc tuyen tinh lang son' },
      catalogue,
      DEFAULT_OVERLAP_RULES,
    );
    assert.equal(result.matches[0]?.level, 'overlap');
  });
});
