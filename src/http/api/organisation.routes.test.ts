import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';

interface Ref {
  id: string;
  name: string;
}
interface Detail {
  name: string;
  current: boolean;
  validTo: string | null;
  becameOf: { successor: Ref; effectiveDate: string; kind: string; legalBasis: string | null }[];
  formedFrom: { predecessor: Ref }[];
  currentSuccessors: Ref[];
  predecessors: Ref[];
  platformCount: number;
}

describe('organisations API', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('answers who the current successor of Bộ Kế hoạch và Đầu tư is', async () => {
    const { status, body } = await t.get<Detail>('/api/v1/organisations/bo-ke-hoach-va-dau-tu');
    assert.equal(status, 200);
    assert.equal(body.current, false);
    assert.deepEqual(
      body.currentSuccessors.map((s) => s.name),
      ['Bộ Tài chính'],
    );
    assert.equal(body.becameOf[0]?.effectiveDate, '2025-03-01');
    assert.ok(body.becameOf[0]?.legalBasis);
    const before = await t.get<Detail>('/api/v1/organisations/bo-ke-hoach-va-dau-tu?on=2025-02-28');
    assert.deepEqual(
      before.body.currentSuccessors.map((s) => s.name),
      ['Bộ Kế hoạch và Đầu tư'],
    );
  });

  it('answers what Tỉnh Hà Giang was merged into and when', async () => {
    const { body } = await t.get<Detail>('/api/v1/organisations/tinh-ha-giang-truoc-2025');
    assert.equal(body.becameOf[0]?.successor.name, 'Tỉnh Tuyên Quang');
    assert.equal(body.becameOf[0]?.effectiveDate, '2025-07-01');
    assert.equal(body.becameOf[0]?.kind, 'merge');
  });

  it('counts a successor’s platforms including those its predecessors declared', async () => {
    const { body } = await t.get<Detail>('/api/v1/organisations/bo-tai-chinh');
    assert.ok(body.predecessors.some((p) => p.name === 'Bộ Kế hoạch và Đầu tư'));
    assert.ok(body.platformCount >= 3);
  });

  it('lists 34 current provinces', async () => {
    const { body } = await t.get<{ total: number }>('/api/v1/organisations?level=province&current=true');
    assert.equal(body.total, 34);
    const former = await t.get<{ total: number }>('/api/v1/organisations?level=province&current=false');
    assert.equal(former.body.total, 52);
  });

  it('rejects a bad filter and an unknown organisation', async () => {
    assert.equal((await t.get('/api/v1/organisations?level=galaxy')).status, 400);
    assert.equal((await t.get('/api/v1/organisations/khong-co')).status, 404);
  });
});
