import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalIY, exactKey, hasDiacritics, iyVariant, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('gives folded and tone-exact forms with UTF-16 offsets into the text', () => {
    const text = 'Nền tảng (NDXP), 2765/BTTTT-CĐSQG';
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => [t.folded, text.slice(t.start, t.end)]),
      [
        ['nen', 'Nền'],
        ['tang', 'tảng'],
        ['ndxp', 'NDXP'],
        ['2765', '2765'],
        ['btttt', 'BTTTT'],
        ['cdsqg', 'CĐSQG'],
      ],
    );
    assert.equal(tokens[0]!.exact, exactKey('nền'));
    assert.equal(hasDiacritics(tokens[0]!), true);
    assert.equal(hasDiacritics(tokens[2]!), false);
  });

  it('keeps combining marks of NFD text inside their syllable', () => {
    const nfd = 'Cơ sở'.normalize('NFD');
    const tokens = tokenize(nfd);
    assert.deepEqual(
      tokens.map((t) => nfd.slice(t.start, t.end).normalize('NFC')),
      ['Cơ', 'sở'],
    );
    assert.deepEqual(
      tokens.map((t) => t.folded),
      ['co', 'so'],
    );
  });

  it('splits on punctuation, symbols, controls and lone surrogates', () => {
    assert.deepEqual(
      tokenize('a\u0000b\uD800c.d*e'),
      ['a', 'b', 'c', 'd', 'e'].map((folded, i) => ({
        folded,
        exact: folded,
        plain: folded,
        start: i * 2,
        end: i * 2 + 1,
      })),
    );
  });
});

describe('exactKey', () => {
  it('treats old and new tone placement as the same spelling', () => {
    assert.equal(exactKey('hoà'), exactKey('hòa'));
    assert.equal(exactKey('khoẻ'), exactKey('khỏe'));
    assert.equal(exactKey('thuỷ'), exactKey('thủy'));
  });

  it('keeps tones and vowel marks apart', () => {
    const keys = ['dau', 'đau', 'đầu', 'đấu', 'dầu', 'đâu'].map(exactKey);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('i/y spelling', () => {
  it('folds kí/ký, lí/lý, mĩ/mỹ to one syllable and names the other spelling', () => {
    assert.equal(canonicalIY('ky'), 'ki');
    assert.equal(canonicalIY('ly'), 'li');
    assert.equal(canonicalIY('quy'), 'qui');
    assert.equal(canonicalIY('my'), 'mi');
    assert.equal(iyVariant('ký'.normalize('NFC')), null); // exact forms carry a tone digit
    assert.equal(iyVariant(exactKey('ký')), exactKey('kí'));
  });

  it('leaves other y syllables alone', () => {
    for (const s of ['y', 'tuy', 'huy', 'nguy', 'ay', 'thuy']) assert.equal(canonicalIY(s), s);
  });
});
