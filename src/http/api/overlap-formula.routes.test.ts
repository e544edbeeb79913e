import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';

interface Check {
  verdict: string;
  matches: { platform: { name: string }; level: string; score: number; reasons: string[] }[];
}

// A proposal pasted from a spreadsheet cell with formula syntax (CSV injection style) is judged
// on its human words, through the public API as a vendor would call it.
describe('POST /api/v1/overlap-checks with a formula-prefixed name', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  const check = async (name: string): Promise<Check> => {
    const res = await t.app.request('/api/v1/overlap-checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, functions: ['Lựa chọn nhà thầu qua mạng'] }),
    });
    assert.ok(res.status === 200 || res.status === 201, String(res.status));
    return (await res.json()) as Check;
  };

  it('gets the verdict and matches of the plain name, and does not echo the formula', async () => {
    const plain = await check('Hệ thống đấu thầu qua mạng của tỉnh');
    for (const prefix of ['=HYPERLINK("http://x";"a") ', '+', '-', '@SUM(A1) ']) {
      const pasted = await check(`${prefix}Hệ thống đấu thầu qua mạng của tỉnh`);
      assert.equal(pasted.verdict, plain.verdict, prefix);
      assert.deepEqual(
        pasted.matches.map((m) => [m.platform.name, m.level, m.score]),
        plain.matches.map((m) => [m.platform.name, m.level, m.score]),
        prefix,
      );
      assert.ok(!JSON.stringify(pasted).includes('HYPERLINK'), prefix);
    }
    assert.equal(plain.verdict, 'overlap');
  });
});
