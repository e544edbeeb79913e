import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanText, compareVi, foldVi, foldedSyllables, slugify, syllables } from './vietnamese.ts';

describe('foldVi', () => {
  it('strips tone marks and maps đ to d, from NFC and NFD alike', () => {
    const nfc = 'Hệ thống mạng đấu thầu quốc gia';
    const nfd = nfc.normalize('NFD');
    assert.equal(foldVi(nfc), 'he thong mang dau thau quoc gia');
    assert.equal(foldVi(nfd), 'he thong mang dau thau quoc gia');
    assert.equal(foldVi('ĐỊNH DANH'), 'dinh danh');
  });

  it('survives lone surrogates and control characters', () => {
    assert.equal(foldVi('a\uD800b\u0000c'), 'a\uFFFDb c');
  });
});

describe('syllables', () => {
  it('keeps diacritics, lower-cases and splits on punctuation', () => {
    assert.deepEqual(syllables('Nền tảng tích hợp, chia sẻ dữ liệu (NDXP)'), [
      'nền',
      'tảng',
      'tích',
      'hợp',
      'chia',
      'sẻ',
      'dữ',
      'liệu',
      'ndxp',
    ]);
    assert.deepEqual(foldedSyllables('Cơ sở dữ liệu'), ['co', 'so', 'du', 'lieu']);
  });
});

describe('cleanText', () => {
  it('returns NFC', () => {
    assert.equal(cleanText('Việt'.normalize('NFD')), 'Việt'.normalize('NFC'));
  });
});

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    assert.equal(slugify('Bộ Kế hoạch và Đầu tư'), 'bo-ke-hoach-va-dau-tu');
  });
});

describe('compareVi', () => {
  it('orders đ after d and ă after a as Vietnamese readers expect', () => {
    const names = ['Đồng Nai', 'Điện Biên', 'Dak', 'An Giang', 'Ăn', 'Bắc Ninh'];
    assert.deepEqual([...names].sort(compareVi), [
      'An Giang',
      'Ăn',
      'Bắc Ninh',
      'Dak',
      'Điện Biên',
      'Đồng Nai',
    ]);
  });
});
