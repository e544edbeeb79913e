import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateTerm, type TermInput } from './term.ts';

const input = (over: Partial<TermInput> = {}): TermInput => ({
  term: 'CSDL',
  expansions: ['cơ sở dữ liệu'],
  kind: 'abbreviation',
  note: null,
  sourceUrl: null,
  ...over,
});
const codes = (result: ReturnType<typeof validateTerm>) =>
  result.ok ? [] : result.issues.map((i) => `${i.field}:${i.code}`);

describe('validateTerm', () => {
  it('cleans an entry: NFC, single spaces, no control characters', () => {
    const result = validateTerm(
      input({ term: '  CSDL\u0007 ', expansions: ['co\u0323 sở   dữ liệu'], note: '  ' }),
      [],
    );
    assert.ok(result.ok);
    assert.deepEqual(result.term.expansions, ['cọ sở dữ liệu']);
    assert.equal(result.term.term, 'CSDL');
    assert.equal(result.term.note, null);
  });

  it('names each offending field', () => {
    assert.deepEqual(codes(validateTerm(input({ term: ' !! ', expansions: [] }), [])), [
      'term:no_letters',
      'expansions:required',
    ]);
    assert.deepEqual(
      codes(validateTerm(input({ expansions: ['cơ sở dữ liệu', 'Co so du lieu', 'csdl', '...'] }), [])),
      ['expansions[1]:duplicate', 'expansions[2]:same_as_term', 'expansions[3]:no_letters'],
    );
    assert.deepEqual(codes(validateTerm(input({ term: 'x'.repeat(101) }), [])), ['term:too_big']);
    assert.deepEqual(
      codes(validateTerm(input({ expansions: Array.from({ length: 21 }, (_, i) => `từ ${i}`) }), [])),
      ['expansions:too_big'],
    );
  });

  it('refuses a second entry of the same kind for the same term, folded', () => {
    const stored = [{ term: 'csdl', kind: 'abbreviation' as const }];
    assert.deepEqual(codes(validateTerm(input(), stored)), ['term:term_exists']);
    assert.ok(validateTerm(input({ kind: 'synonym' }), stored).ok);
  });
});
