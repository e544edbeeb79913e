import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distance } from './did-you-mean.ts';
import { editDistanceAtMostOne, Vocabulary } from './vocabulary.ts';

function vocabulary(words: string[]): Vocabulary {
  const vocab = new Vocabulary();
  for (const w of words) vocab.df[vocab.intern(w)] = 1;
  return vocab;
}

describe('typo neighbours', () => {
  const vocab = vocabulary(['thau', 'thu', 'danh', 'dinh', 'tuyen', 'truc', 'ba', 'blockchain']);
  const near = (w: string): string[] =>
    vocab
      .neighbours(w)
      .map((id) => vocab.words[id]!)
      .sort();

  it('finds a missing, extra, wrong or swapped letter', () => {
    assert.deepEqual(near('dah'), ['danh']); // missing
    assert.deepEqual(near('thaau'), ['thau']); // extra
    assert.deepEqual(near('tryc'), ['truc']); // wrong
    assert.deepEqual(near('tuyne'), ['tuyen']); // swapped
    assert.deepEqual(near('thua'), ['thau', 'thu']);
  });

  it('skips syllables shorter than three letters, both ways', () => {
    assert.deepEqual(near('ab'), []);
    assert.deepEqual(near('baa'), []);
  });

  it('ignores syllables no live entry has', () => {
    vocab.df[vocab.id('truc')!] = 0;
    assert.deepEqual(near('tryc'), []);
  });
});

describe('completions', () => {
  it('lists live extensions of a prefix, most frequent first', () => {
    const vocab = vocabulary(['tuyen', 'tuy', 'tuong']);
    vocab.df[vocab.id('tuong')!] = 5;
    assert.deepEqual(
      vocab.completions('tu', 5).map((id) => vocab.words[id]),
      ['tuong', 'tuyen', 'tuy'], // ties: first seen first
    );
    assert.deepEqual(
      vocab.completions('tuy', 5).map((id) => vocab.words[id]),
      ['tuyen'],
    );
  });
});

describe('edit distances', () => {
  it('counts an adjacent swap as one edit', () => {
    assert.equal(editDistanceAtMostOne('thau', 'thua'), true);
    assert.equal(editDistanceAtMostOne('thau', 'than'), true);
    assert.equal(editDistanceAtMostOne('thau', 'ta'), false);
    assert.equal(editDistanceAtMostOne('abcd', 'badc'), false);
    assert.equal(distance('blokchian', 'blockchain'), 2);
    assert.equal(distance('', 'abc'), 3);
  });
});
