import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Record_ {
  id: string;
  status: string;
  version: number;
  document: { number: string; citation: string; issuerName: string };
  file: { url: string; sha256: string; size: number; contentType: string } | null;
  entries: { platformId: string; platformVersion: number | null; slug: string | null }[];
}
interface Problem {
  code: string;
  currentVersion?: number;
  errors?: { field: string; code: string }[];
}

// Synthetic test documents: numbers marked "THU" (thử) so they can never be taken for real ones.
const doc = (number: string) => ({
  number,
  issuedOn: '2026-11-20',
  issuer: 'bo-khoa-hoc-va-cong-nghe',
  kind: 'decision',
  title: 'Văn bản thử nghiệm (dữ liệu giả lập cho kiểm thử)',
});
// A minimal PDF: what matters is the signature and the bytes coming back unchanged.
const PDF = Buffer.from('%PDF-1.4\n% tệp thử nghiệm\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8');
const BIDDING = 'he-thong-mang-dau-thau-quoc-gia'; // Bộ Tài chính's (through Bộ KH&ĐT)
const READY = {
  description: 'Mô tả thử',
  functions: ['Chức năng thử'],
  status: 'operating',
  operator: 'Đơn vị thử',
  focalPoints: [{ name: 'Đầu mối thử', unit: null, email: 'thu@example.gov.vn', phone: '1900 0000' }],
};

describe('editions workflow: draft, select versions, attach, publish, compare', () => {
  let t: TestApp;
  let admin: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  before(async () => {
    t = await openTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000', EDITION_FILE_MAX_BYTES: '4096' } });
    admin = await signInAs(t, 'authority_admin');
    reviewer = await signInAs(t, 'authority_reviewer');
    editor = await signInAs(t, 'ministry_editor');
  });
  after(() => t.close());

  const draft = async (number: string) => {
    const res = await send<Record_>(t, 'POST', '/api/v1/editions', {
      session: admin,
      body: { document: doc(number) },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const enc = encodeURIComponent;
  const platformIds = async (slugs: string[]) => {
    const rows = await t.db
      .selectFrom('platform')
      .select(['id', 'slug'])
      .where('slug', 'in', slugs)
      .execute();
    return new Map(rows.map((r) => [r.slug, r.id]));
  };
  const somePlatforms = async (n: number) =>
    (await t.db.selectFrom('platform').select('slug').orderBy('slug').limit(n).execute()).map((r) => r.slug);

  it('only administrators draft editions; a draft is invisible to everyone else', async () => {
    const body = { document: doc('1/THU-DRAFT') };
    assert.equal((await send(t, 'POST', '/api/v1/editions', { body })).status, 401);
    assert.equal((await send(t, 'POST', '/api/v1/editions', { session: reviewer, body })).status, 403);
    assert.equal((await send(t, 'POST', '/api/v1/editions', { session: editor, body })).status, 403);
    const e = await draft('1/THU-DRAFT');
    assert.equal(e.status, 'draft');
    assert.equal(e.version, 1);
    assert.equal(e.document.issuerName, 'Bộ Khoa học và Công nghệ');
    assert.equal(e.document.citation, '1/THU-DRAFT ngày 20/11/2026');
    assert.equal((await send(t, 'GET', `/api/v1/editions/${e.id}/record`, { session: editor })).status, 404);
    assert.equal((await send(t, 'GET', `/api/v1/editions/${e.id}/record`)).status, 404);
    const mine = await send<Record_>(t, 'GET', `/api/v1/editions/${e.id}/record`, { session: admin });
    assert.equal(mine.status, 200);
    assert.equal(mine.res.headers.get('etag'), '"1"');
    const publicList = await t.get<{ items: { document: { number: string } }[] }>('/api/v1/editions');
    assert.ok(!publicList.body.items.some((i) => i.document.number === '1/THU-DRAFT'));
    const drafts = await send<{ items: Record_[] }>(t, 'GET', '/api/v1/edition-drafts', { session: admin });
    assert.ok(drafts.body.items.some((d) => d.id === e.id));
    assert.equal((await send(t, 'GET', '/api/v1/edition-drafts', { session: editor })).status, 403);
    const dup = await send<Problem>(t, 'POST', '/api/v1/editions', {
      session: admin,
      body: { document: { ...doc('2765/BTTTT-CĐSQG') } },
    });
    assert.equal(dup.status, 409);
  });

  it('edits a draft’s document with If-Match; a number already taken is a conflict', async () => {
    const e = await draft('7/THU-EDIT');
    const path = `/api/v1/editions/${e.id}`;
    const ok = await send<Record_ & { declaredTotal: number | null; document: { title: string } }>(
      t,
      'PATCH',
      path,
      {
        session: admin,
        headers: { 'if-match': '"1"' },
        body: {
          declaredTotal: 12,
          document: { title: 'Tiêu đề thử đã sửa', issuer: null, issuerName: 'Cơ quan thử' },
        },
      },
    );
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.version, 2);
    assert.equal(ok.body.declaredTotal, 12);
    assert.equal(ok.body.document.title, 'Tiêu đề thử đã sửa');
    assert.equal(ok.body.document.issuerName, 'Cơ quan thử');
    const taken = await send<Problem>(t, 'PATCH', path, {
      session: admin,
      body: { version: 2, document: { number: '2765/BTTTT-CĐSQG' } },
    });
    assert.equal(taken.status, 409);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('target_id', '=', e.id)
      .where('action', '=', 'edition.update')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('lists platform versions (the current one by default) and names bad entries', async () => {
    const e = await draft('2/THU-ENTRIES');
    const [a, b] = await somePlatforms(2);
    const path = `/api/v1/editions/${e.id}/entries`;
    const bad = await send<Problem>(t, 'PUT', path, {
      session: admin,
      body: {
        version: 1,
        entries: [{ platform: 'khong-co' }, { platform: a, version: 99 }, { platform: a }],
      },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.errors?.map((x) => `${x.field}:${x.code}`),
      [
        'entries[0].platform:unknown_platform',
        'entries[1].version:unknown_version',
        'entries[2].platform:duplicate',
      ],
    );
    const ok = await send<Record_>(t, 'PUT', path, {
      session: admin,
      body: { version: 1, entries: [{ platform: a }, { platform: b, version: 1 }] },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.version, 2);
    assert.deepEqual(
      ok.body.entries.map((x) => x.platformVersion),
      [1, 1],
    );
    // The current state was frozen as version 1, so the edition lists something immutable.
    const frozen = await t.db
      .selectFrom('platform_version')
      .select('version')
      .where('platform_id', '=', ok.body.entries[0]?.platformId ?? '')
      .execute();
    assert.deepEqual(
      frozen.map((r) => r.version),
      [1],
    );
    const stale = await send<Problem>(t, 'PUT', path, {
      session: admin,
      headers: { 'if-match': '"1"' },
      body: { entries: [] },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.currentVersion, 2);
  });

  it('stores the document’s PDF with its SHA-256 and serves it back', async () => {
    const e = await draft('3/THU-FILE');
    const url = `/api/v1/editions/${e.id}/file`;
    const put = (body: string | Buffer, type: string, ifMatch: string) =>
      t.app.request(url, {
        method: 'PUT',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': type,
          'if-match': ifMatch,
        },
        body,
      });
    const notPdf = await put('<html>không phải PDF</html>', 'application/pdf', '"1"');
    assert.equal(notPdf.status, 400);
    const tooBig = await put(Buffer.concat([PDF, Buffer.alloc(5000)]), 'application/pdf', '"1"');
    assert.equal(tooBig.status, 413);
    assert.equal(((await tooBig.json()) as Problem).code, 'payload_too_large');
    const res = await put(PDF, 'application/pdf', '"1"');
    assert.equal(res.status, 200, await res.clone().text());
    const body = (await res.json()) as Record_;
    const sha = createHash('sha256').update(PDF).digest('hex');
    assert.equal(body.file?.sha256, sha);
    assert.equal(body.file?.size, PDF.length);
    // Not published yet: nobody else downloads it.
    assert.equal((await t.app.request(url)).status, 404);
    const mine = await t.app.request(url, { headers: { cookie: admin.cookie } });
    assert.equal(mine.status, 200);
    assert.equal(mine.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await mine.arrayBuffer()), PDF);

    // A form upload, as a browser sends it, replaces the file.
    const form = new FormData();
    const second = Buffer.concat([PDF, Buffer.from('% bản hai\n')]);
    form.set('file', new Blob([second], { type: 'application/pdf' }), 'Quyết định thử.pdf');
    const viaForm = await t.app.request(`${url}?version=2`, {
      method: 'PUT',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: form,
    });
    assert.equal(viaForm.status, 200, await viaForm.clone().text());
    assert.equal(
      ((await viaForm.json()) as Record_).file?.sha256,
      createHash('sha256').update(second).digest('hex'),
    );
  });

  it('publishes once: then the public catalogue shows it and every edit is refused with 409', async () => {
    const e = await draft('4/THU-PUBLISH');
    const path = `/api/v1/editions/${e.id}`;
    const empty = await send<Problem>(t, 'POST', `${path}/publish`, { session: admin, body: { version: 1 } });
    assert.equal(empty.status, 409);
    const [slug] = await somePlatforms(1);
    await send(t, 'PUT', `${path}/entries`, {
      session: admin,
      body: { version: 1, entries: [{ platform: slug }] },
    });
    assert.equal(
      (await send(t, 'POST', `${path}/publish`, { session: reviewer, body: { version: 2 } })).status,
      403,
    );
    const published = await send<Record_>(t, 'POST', `${path}/publish`, {
      session: admin,
      body: { version: 2 },
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.status, 'published');

    const list = await t.get<{ items: { document: { number: string } }[] }>('/api/v1/editions');
    assert.ok(list.body.items.some((i) => i.document.number === '4/THU-PUBLISH'));
    const detail = await t.get<{ platforms: { slug: string }[] }>(`/api/v1/editions/${enc('4/THU-PUBLISH')}`);
    assert.deepEqual(
      detail.body.platforms.map((p) => p.slug),
      [slug],
    );

    for (const [method, p, body] of [
      ['PATCH', path, { version: 3, declaredTotal: 5 }],
      ['PUT', `${path}/entries`, { version: 3, entries: [] }],
      ['POST', `${path}/publish`, { version: 3 }],
    ] as const) {
      const res = await send<Problem>(t, method, p, { session: admin, body });
      assert.equal(res.status, 409, `${method} ${p}`);
      assert.equal(res.body.code, 'conflict');
    }
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'edition')
      .where('target_id', '=', e.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['edition.create', 'edition.entries', 'edition.publish'],
    );
  });

  it('the database itself refuses changes to published editions, seeded ones included', async () => {
    const seeded = await t.db
      .selectFrom('edition as e')
      .innerJoin('document as d', 'd.id', 'e.document_id')
      .select(['e.id', 'd.id as documentId'])
      .where('d.number', '=', '2765/BTTTT-CĐSQG')
      .executeTakeFirstOrThrow();
    await assert.rejects(
      sql`UPDATE edition SET declared_total = 1 WHERE id = ${seeded.id}`.execute(t.db),
      /immutable/,
    );
    await assert.rejects(
      sql`UPDATE document SET title_vi = 'x' WHERE id = ${seeded.documentId}`.execute(t.db),
      /immutable/,
    );
    await assert.rejects(
      sql`DELETE FROM edition_entry WHERE edition_id = ${seeded.id}`.execute(t.db),
      /immutable/,
    );
    const mine = await t.db
      .selectFrom('edition as e')
      .innerJoin('document as d', 'd.id', 'e.document_id')
      .select('e.id')
      .where('d.number', '=', '4/THU-PUBLISH')
      .executeTakeFirstOrThrow();
    const other = (await somePlatforms(3))[2] ?? '';
    const pid = (await platformIds([other])).get(other) ?? '';
    await assert.rejects(
      sql`INSERT INTO edition_entry (edition_id, platform_id) VALUES (${mine.id}, ${pid})`.execute(t.db),
      /immutable/,
    );
  });

  it('compares two editions: added, removed, and changed field by field', async () => {
    const [x, y, z] = await somePlatforms(3);
    const bidding = BIDDING;
    const older = await draft('5/THU-OLD');
    await send(t, 'PUT', `/api/v1/editions/${older.id}/entries`, {
      session: admin,
      body: { version: 1, entries: [{ platform: bidding }, { platform: x }, { platform: y }] },
    });
    await send(t, 'POST', `/api/v1/editions/${older.id}/publish`, { session: admin, body: { version: 2 } });

    // A change to the bidding platform is approved: version 2.
    const cr = await send<{ id: string; version: number }>(t, 'POST', '/api/v1/change-requests', {
      session: editor,
      body: {
        kind: 'update',
        platform: bidding,
        summary: 'Cập nhật thử',
        proposed: { ...READY, website: 'https://example.gov.vn' },
      },
    });
    const submitted = await send<{ version: number }>(
      t,
      'POST',
      `/api/v1/change-requests/${cr.body.id}/submit`,
      {
        session: editor,
        body: { version: cr.body.version },
      },
    );
    const approved = await send<{ status: string }>(
      t,
      'POST',
      `/api/v1/change-requests/${cr.body.id}/decision`,
      {
        session: reviewer,
        body: { version: submitted.body.version, decision: 'approve' },
      },
    );
    assert.equal(approved.body.status, 'approved');

    const newer = await draft('6/THU-NEW');
    await send(t, 'PUT', `/api/v1/editions/${newer.id}/entries`, {
      session: admin,
      body: { version: 1, entries: [{ platform: bidding }, { platform: x }, { platform: z }] },
    });
    // A draft may be compared by its administrator, not by the public.
    assert.equal((await t.get(`/api/v1/editions/${newer.id}/changes?since=${older.id}`)).status, 404);
    const res = await send<{
      added: { slug: string }[];
      removed: { slug: string }[];
      unchanged: { slug: string }[];
      changed: { slug: string; fromVersion: number; toVersion: number; changes: { field: string }[] }[];
    }>(t, 'GET', `/api/v1/editions/${newer.id}/changes?since=${enc('5/THU-OLD')}`, { session: admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.added.map((e) => e.slug),
      [z],
    );
    assert.deepEqual(
      res.body.removed.map((e) => e.slug),
      [y],
    );
    assert.deepEqual(
      res.body.unchanged.map((e) => e.slug),
      [x],
    );
    assert.equal(res.body.changed.length, 1);
    assert.equal(res.body.changed[0]?.slug, bidding);
    assert.deepEqual([res.body.changed[0]?.fromVersion, res.body.changed[0]?.toVersion], [1, 2]);
    assert.ok(res.body.changed[0]?.changes.some((c) => c.field === 'website'));
  });

  it('compares the seeded editions too (they name platforms, not versions)', async () => {
    const res = await t.get<{
      added: unknown[];
      removed: unknown[];
      changed: unknown[];
      unchanged: unknown[];
    }>(`/api/v1/editions/${enc('2618/QĐ-BKHCN')}/changes?since=${enc('2765/BTTTT-CĐSQG')}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.changed.length, 0);
    const counts = await t.db
      .selectFrom('edition_entry as ee')
      .innerJoin('edition as e', 'e.id', 'ee.edition_id')
      .innerJoin('document as d', 'd.id', 'e.document_id')
      .select(['d.number', (eb) => eb.fn.countAll<number>().as('n')])
      .where('d.number', 'in', ['2618/QĐ-BKHCN', '2765/BTTTT-CĐSQG'])
      .groupBy('d.number')
      .execute();
    const n = new Map(counts.map((c) => [c.number, Number(c.n)]));
    assert.equal(res.body.added.length + res.body.unchanged.length, n.get('2618/QĐ-BKHCN') ?? 0);
    assert.equal(res.body.removed.length + res.body.unchanged.length, n.get('2765/BTTTT-CĐSQG') ?? 0);
  });
});
