import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidProposalError, validateProposal, type ProposalValidation } from './validate.ts';

function issues(result: ProposalValidation): { field: string; code: string }[] {
  assert.equal(result.ok, false);
  return result.ok ? [] : result.error.issues.map(({ field, code }) => ({ field, code }));
}

describe('validateProposal', () => {
  it('accepts a plain proposal and cleans its text', () => {
    const nfd = 'Hệ thống đấu thầu'.normalize('NFD');
    const result = validateProposal({
      name: `  ${nfd}\u0000 qua   mạng\uD800 `,
      description: 'Mô tả',
      functions: ['Đăng tải thông tin', '', '   '],
      data: [],
    });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.proposal.name.normalize('NFC'), result.proposal.name);
    assert.ok(result.proposal.name.isWellFormed());
    assert.doesNotMatch(result.proposal.name, /\u0000/);
    assert.deepEqual(result.proposal.functions, ['Đăng tải thông tin'], 'blank rows are dropped');
    assert.equal(result.proposal.data, undefined);
  });

  it('rejects what is not an object', () => {
    for (const input of [null, 'Hệ thống', 42, [], undefined]) {
      assert.deepEqual(issues(validateProposal(input)), [{ field: '', code: 'not_an_object' }]);
    }
  });

  it('requires a name with words in it', () => {
    assert.deepEqual(issues(validateProposal({})), [{ field: 'name', code: 'required' }]);
    assert.deepEqual(issues(validateProposal({ name: null })), [{ field: 'name', code: 'required' }]);
    for (const name of ['', '   ', '!!! ---', '\u0000\u0001']) {
      assert.deepEqual(issues(validateProposal({ name })), [{ field: 'name', code: 'empty' }]);
    }
    assert.deepEqual(issues(validateProposal({ name: 7 })), [{ field: 'name', code: 'not_a_string' }]);
  });

  it('bounds every field, naming it', () => {
    assert.deepEqual(issues(validateProposal({ name: 'a'.repeat(100_000) })), [
      { field: 'name', code: 'too_long' },
    ]);
    assert.deepEqual(issues(validateProposal({ name: 'a'.repeat(301) })), [
      { field: 'name', code: 'too_long' },
    ]);
    assert.deepEqual(issues(validateProposal({ name: 'Hệ thống', description: 'x'.repeat(5_001) })), [
      { field: 'description', code: 'too_long' },
    ]);
    assert.deepEqual(issues(validateProposal({ name: 'Hệ thống', functions: 'họp' })), [
      { field: 'functions', code: 'not_an_array' },
    ]);
    assert.deepEqual(issues(validateProposal({ name: 'Hệ thống', functions: ['a', 'b', 3] })), [
      { field: 'functions[2]', code: 'not_a_string' },
    ]);
    assert.deepEqual(issues(validateProposal({ name: 'Hệ thống', data: ['a', 'x'.repeat(301)] })), [
      { field: 'data[1]', code: 'too_long' },
    ]);
  });

  it('rejects thousands of functions without looking at each', () => {
    const functions = Array.from({ length: 5_000 }, () => ({ not: 'a string' }));
    const result = validateProposal({ name: 'Hệ thống', functions });
    assert.deepEqual(issues(result), [{ field: 'functions', code: 'too_many' }]);
    assert.equal(result.ok ? null : result.error.issues[0]!.params?.max, 100);
  });

  it('reports every problem at once, as a typed error with a stable code', () => {
    const result = validateProposal({ name: '', description: 5, functions: [1] });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(result.error instanceof InvalidProposalError);
    assert.ok(result.error instanceof Error);
    assert.equal(result.error.code, 'invalid_proposal');
    assert.equal(result.error.field, 'name');
    assert.deepEqual(
      result.error.issues.map((i) => i.field),
      ['name', 'description', 'functions[0]'],
    );
  });

  it('follows the limits it is given', () => {
    const limits = {
      nameMaxChars: 10,
      descriptionMaxChars: 10,
      maxFunctions: 1,
      functionMaxChars: 10,
      maxData: 1,
      dataMaxChars: 10,
    };
    assert.deepEqual(issues(validateProposal({ name: 'Hệ thống', functions: ['a', 'b'] }, limits)), [
      { field: 'functions', code: 'too_many' },
    ]);
  });
});
