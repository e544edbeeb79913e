import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedCatalogue } from '../../seed/seed-catalogue.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}
interface Term {
  id: string;
  term: string;
  expansions: string[];
  kind: string;
}
interface List {
  items: { name: string }[];
  total: number;
}
interface Overlap {
  matches: { platform: { name: string }; level: string }[];
}

const TENDER = 'Hệ thống mạng đấu thầu quốc gia';
// A made-up word (SYNTHETIC test synonym): no platform text contains it.
const WORD = 'kwaxoph';

describe('the dictionary, edited at run time', () => {
  let t: TestApp;
  let admin: TestSession;
  before(async () => {
    t = await openTestApp({ seed: true, env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(t, 'authority_admin');
  });
  after(() => t.close());

  const search = async (q: string) =>
    (await t.get<List>(`/api/v1/platforms?q=${encodeURIComponent(q)}&limit=5`)).body;

  it('a synonym added through the API makes a query hit at once; removed, it misses again', async () => {
    assert.equal((await search(WORD)).total, 0, 'the word matches nothing before');
    const overlapBefore = await send<Overlap>(t, 'POST', '/api/v1/overlap-checks', {
      body: { name: `Hệ thống ${WORD} quốc gia` },
    });

    const added = await send<Term>(t, 'POST', '/api/v1/terms', {
      session: admin,
      body: { term: WORD, expansions: ['mạng đấu thầu'], kind: 'synonym', note: 'SYNTHETIC test entry' },
    });
    assert.equal(added.status, 201);
    const found = await search(WORD);
    assert.equal(found.items[0]?.name, TENDER);
    // The overlap engine reads the same dictionary from the same snapshot.
    const overlapAfter = await send<Overlap>(t, 'POST', '/api/v1/overlap-checks', {
      body: { name: `Hệ thống ${WORD} quốc gia` },
    });
    assert.ok(!overlapBefore.body.matches.some((m) => m.platform.name === TENDER));
    assert.ok(overlapAfter.body.matches.some((m) => m.platform.name === TENDER));

    const listed = await send<{ items: Term[] }>(t, 'GET', '/api/v1/terms');
    assert.ok(listed.body.items.some((i) => i.id === added.body.id && i.term === WORD));

    // Changed to point elsewhere: the old meaning stops matching.
    const changed = await send<Term>(t, 'PATCH', `/api/v1/terms/${added.body.id}`, {
      session: admin,
      body: { expansions: ['không gian mạng'] },
    });
    assert.equal(changed.status, 200);
    assert.notEqual((await search(WORD)).items[0]?.name, TENDER);

    assert.equal((await send(t, 'DELETE', `/api/v1/terms/${added.body.id}`, { session: admin })).status, 204);
    assert.equal((await search(WORD)).total, 0);
    assert.equal((await send(t, 'DELETE', `/api/v1/terms/${added.body.id}`, { session: admin })).status, 404);

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'term')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['term.create', 'term.update', 'term.delete'],
    );
  });

  it('validates entries and names the field', async () => {
    const cases: [unknown, string, string][] = [
      [{ term: '', expansions: ['x'] }, 'term', 'too_small'],
      [{ term: 'abc', expansions: [] }, 'expansions', 'too_small'],
      [{ term: 'abc', expansions: ['x'.repeat(201)] }, 'expansions[0]', 'too_big'],
      [{ term: 'abc', expansions: ['đất đai', 'Dat dai'] }, 'expansions[1]', 'duplicate'],
      [{ term: 'abc', expansions: ['ABC'] }, 'expansions[0]', 'same_as_term'],
      [{ term: '\u0000\ud800', expansions: ['x'] }, 'term', 'no_letters'],
      [{ term: 'HTTT', expansions: ['hệ thống tin'], kind: 'abbreviation' }, 'term', 'term_exists'],
      [{ term: 'abc', expansions: ['x'], kind: 'other' }, 'kind', 'invalid_value'],
      [{ term: 'abc', expansions: ['x'], extra: 1 }, '(body)', 'unrecognized_keys'],
    ];
    for (const [body, field, code] of cases) {
      const res = await send<Problem>(t, 'POST', '/api/v1/terms', { session: admin, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok(
        res.body.errors?.some((e) => e.field === field && e.code === code),
        `${JSON.stringify(body)} → ${JSON.stringify(res.body.errors)}`,
      );
    }
    const bad = await send<Problem>(t, 'PATCH', '/api/v1/terms/not-a-uuid', { session: admin, body: {} });
    assert.equal(bad.status, 400);
  });

  it('a removed seeded term stays removed when the seed runs again (at the next start)', async () => {
    const terms = async () => (await send<{ items: Term[] }>(t, 'GET', '/api/v1/terms')).body.items;
    const seeded = (await terms()).find((i) => i.term === 'HTTT' && i.kind === 'abbreviation');
    assert.ok(seeded, 'the seed has HTTT → hệ thống thông tin');
    assert.equal((await send(t, 'DELETE', `/api/v1/terms/${seeded.id}`, { session: admin })).status, 204);
    await seedCatalogue(t.db, t.clock.now());
    assert.ok(!(await terms()).some((i) => i.term === 'HTTT' && i.kind === 'abbreviation'));
    // Added again, it comes back under its old id.
    const again = await send<Term>(t, 'POST', '/api/v1/terms', {
      session: admin,
      body: { term: 'HTTT', expansions: ['hệ thống thông tin'], kind: 'abbreviation' },
    });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, seeded.id);
    assert.ok((await terms()).some((i) => i.id === seeded.id));
    // The term and kind are its identity: a patch changes only what it expands to.
    const rename = await send<Problem>(t, 'PATCH', `/api/v1/terms/${seeded.id}`, {
      session: admin,
      body: { term: 'HTTTQ' },
    });
    assert.equal(rename.status, 400);
    assert.equal(rename.body.errors?.[0]?.code, 'unrecognized_keys');
  });

  it('only administrators write; everyone reads', async () => {
    const body = { term: 'thử quyền', expansions: ['kiểm tra quyền'] };
    for (const role of ['authority_reviewer', 'ministry_editor', 'locality_officer'] as const) {
      const session = await signInAs(t, role);
      assert.equal((await send(t, 'POST', '/api/v1/terms', { session, body })).status, 403, role);
    }
    assert.equal((await send(t, 'POST', '/api/v1/terms', { body })).status, 401);
    const listed = await send<{ items: Term[] }>(t, 'GET', '/api/v1/terms');
    assert.equal(listed.status, 200);
    assert.ok(listed.body.items.length > 50, 'the seeded dictionary is listed');
    assert.ok(!listed.body.items.some((i) => i.term === 'thử quyền'));
  });
});
