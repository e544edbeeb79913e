import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertPlatform } from '../../db/platform-version.repository.ts';
import { applyProposal } from '../../domain/platform-version.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Org {
  id: string;
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  version: number;
}
interface Problem {
  code: string;
  currentVersion?: number;
  errors?: { field: string; code: string }[];
}

// Every body and platform here is synthetic test data ("thử nghiệm"), never a real one.
const body = (code: string, name: string) => ({ code, name, kind: 'ministry', level: 'central' });

describe('organisation management', () => {
  let t: TestApp;
  let admin: TestSession;
  let reviewer: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(t, 'authority_admin');
    reviewer = await signInAs(t, 'authority_reviewer');
  });
  after(() => t.close());

  const create = async (code: string, name: string) => {
    const res = await send<Org>(t, 'POST', '/api/v1/organisations', {
      session: admin,
      body: body(code, name),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  it('administrators create organisations; the public catalogue shows them at once', async () => {
    const b = body('bo-thu-nghiem-mot', 'Bộ Thử nghiệm Một');
    assert.equal(
      (await send(t, 'POST', '/api/v1/organisations', { session: reviewer, body: b })).status,
      403,
    );
    assert.equal((await send(t, 'POST', '/api/v1/organisations', { body: b })).status, 401);
    const org = await create('bo-thu-nghiem-mot', 'Bộ Thử nghiệm Một');
    assert.equal(org.version, 1);
    const pub = await t.get<{ name: string }>('/api/v1/organisations/bo-thu-nghiem-mot');
    assert.equal(pub.status, 200);
    assert.equal(pub.body.name, 'Bộ Thử nghiệm Một');
    const dup = await send<Problem>(t, 'POST', '/api/v1/organisations', { session: admin, body: b });
    assert.equal(dup.status, 409);
    const bad = await send<Problem>(t, 'POST', '/api/v1/organisations', {
      session: admin,
      body: { ...b, code: 'Có Dấu', kind: 'vũ trụ' },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors?.map((e) => e.field).sort(), ['code', 'kind']);
  });

  it('edits with If-Match (412 when stale) or version (409 when stale)', async () => {
    const org = await create('bo-thu-nghiem-hai', 'Bộ Thử nghiệm Hai');
    const path = `/api/v1/organisations/${org.id}`;
    const etag = (await send(t, 'GET', `${path}/record`)).res.headers.get('etag');
    assert.equal(etag, '"1"');
    const ok = await send<Org>(t, 'PATCH', path, {
      session: admin,
      headers: { 'if-match': '"1"' },
      body: { name: 'Bộ Thử nghiệm Hai (đổi tên)' },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.version, 2);
    assert.equal((await t.get<{ name: string }>(path)).body.name, 'Bộ Thử nghiệm Hai (đổi tên)');
    const stale = await send<Problem>(t, 'PATCH', path, {
      session: admin,
      headers: { 'if-match': '"1"' },
      body: { name: 'X' },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.currentVersion, 2);
    const staleBody = await send<Problem>(t, 'PATCH', path, {
      session: admin,
      body: { version: 1, name: 'X' },
    });
    assert.equal(staleBody.status, 409);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', org.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['organisation.create', 'organisation.update'],
    );
  });

  it('records a merger: the former bodies end, history stays, platforms follow at once', async () => {
    const a = await create('bo-thu-nghiem-a', 'Bộ Thử nghiệm A');
    const b = await create('bo-thu-nghiem-b', 'Bộ Thử nghiệm B');
    const c = await create('bo-thu-nghiem-c', 'Bộ Thử nghiệm C');
    const now = t.clock.now();
    await insertPlatform(
      t.db,
      {
        id: randomUUID(),
        slug: 'nen-tang-thu-nghiem-sap-nhap',
        content: applyProposal(
          null,
          { name: 'Nền tảng thử nghiệm (giả lập)', kind: 'shared_platform', scope: 'sector' },
          a.id,
        ),
      },
      now,
      () => randomUUID(),
    );
    t.catalogue.invalidate();
    const before = await t.get<{ owner: { name: string } | null }>(
      '/api/v1/platforms/nen-tang-thu-nghiem-sap-nhap',
    );
    assert.equal(before.body.owner?.name, 'Bộ Thử nghiệm A');

    const wrong = await send<Problem>(t, 'POST', '/api/v1/reorganisations', {
      session: admin,
      body: {
        kind: 'rename',
        predecessors: [a.code, b.code],
        successors: [c.code],
        effectiveDate: '2026-11-01',
      },
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors?.[0]?.field, 'predecessors');
    const self = await send<Problem>(t, 'POST', '/api/v1/reorganisations', {
      session: admin,
      body: {
        kind: 'merge',
        predecessors: [a.code, c.code],
        successors: [c.code],
        effectiveDate: '2026-11-01',
      },
    });
    assert.equal(self.status, 400);
    assert.equal(
      (
        await send(t, 'POST', '/api/v1/reorganisations', {
          session: reviewer,
          body: {
            kind: 'merge',
            predecessors: [a.code, b.code],
            successors: [c.code],
            effectiveDate: '2026-11-01',
          },
        })
      ).status,
      403,
    );

    const res = await send<{ links: unknown[]; organisations: Org[] }>(t, 'POST', '/api/v1/reorganisations', {
      session: admin,
      body: {
        kind: 'merge',
        predecessors: [a.code, b.code],
        successors: [c.id],
        effectiveDate: '2026-11-01',
        legalBasis: 'Quyết định thử nghiệm (giả lập)',
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.links.length, 2);
    const byCode = new Map(res.body.organisations.map((o) => [o.code, o]));
    assert.equal(byCode.get(a.code)?.validTo, '2026-10-31');
    assert.equal(byCode.get(b.code)?.validTo, '2026-10-31');
    assert.equal(byCode.get(c.code)?.validFrom, '2026-11-01');

    const after = await t.get<{ owner: { name: string } | null; declaredOwner: { name: string } | null }>(
      '/api/v1/platforms/nen-tang-thu-nghiem-sap-nhap',
    );
    assert.equal(after.body.owner?.name, 'Bộ Thử nghiệm C');
    assert.equal(after.body.declaredOwner?.name, 'Bộ Thử nghiệm A', 'the declared owner is history, kept');
    const lineage = await t.get<{ predecessors: { name: string }[] }>(`/api/v1/organisations/${c.code}`);
    assert.deepEqual(lineage.body.predecessors.map((p) => p.name).sort(), [
      'Bộ Thử nghiệm A',
      'Bộ Thử nghiệm B',
    ]);

    const again = await send<Problem>(t, 'POST', '/api/v1/reorganisations', {
      session: admin,
      body: {
        kind: 'absorb',
        predecessors: [a.code],
        successors: ['bo-thu-nghiem-mot'],
        effectiveDate: '2026-11-15',
      },
    });
    assert.equal(again.status, 400, 'a body that ended before cannot be reorganised again');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'organisation.reorganise')
      .execute();
    assert.equal(audit.length, 2);
  });
});
