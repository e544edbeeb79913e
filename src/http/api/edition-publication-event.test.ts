import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createWebhookDispatcher } from '../../services/webhook-dispatcher.ts';
import { manualClock } from '../../testing/publish.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';
import { publicBase, publicationPageUrl } from '../web/publication-link.ts';

// A synthetic document (number marked "THU", thử): never to be taken for a real one.
const NUMBER = '7/THU-SUKIEN';
const TITLE = 'Danh mục thử nghiệm phát sự kiện (dữ liệu giả lập cho kiểm thử)';

describe('publishing an edition sets off the edition.published event', () => {
  let t: TestApp;
  let admin: TestSession;
  let server: Server;
  let url: string;
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const clock = manualClock('2026-11-29T03:00:00Z');
  before(async () => {
    t = await openTestApp({
      clock,
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        PUBLIC_URL: 'https://ndp.example.gov.vn',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_SECRET_KEY: 'cd'.repeat(32),
      },
    });
    admin = await signInAs(t, 'authority_admin');
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('appends the event with the publication: the feed shows the edition and a webhook receives it', async () => {
    const hook = await send<{ id: string }>(t, 'POST', '/api/v1/webhooks', {
      session: admin,
      body: { url, eventTypes: ['edition.published'] },
    });
    assert.equal(hook.status, 201);
    clock.advance(1);
    const draft = await send<{ id: string; version: number }>(t, 'POST', '/api/v1/editions', {
      session: admin,
      body: {
        document: {
          number: NUMBER,
          issuedOn: '2026-11-20',
          issuer: 'bo-khoa-hoc-va-cong-nghe',
          kind: 'decision',
          title: TITLE,
        },
      },
    });
    assert.equal(draft.status, 201);
    const slug = (await t.db.selectFrom('platform').select('slug').orderBy('slug').limit(1).execute())[0]!
      .slug;
    const listed = await send<{ version: number }>(t, 'PUT', `/api/v1/editions/${draft.body.id}/entries`, {
      session: admin,
      body: { version: draft.body.version, entries: [{ platform: slug }] },
    });
    assert.equal(listed.status, 200);

    // A draft sets off nothing.
    const events = () => t.db.selectFrom('publication_event').select(['type', 'edition_id']).execute();
    assert.deepEqual(await events(), []);
    const published = await send(t, 'POST', `/api/v1/editions/${draft.body.id}/publish`, {
      session: admin,
      body: { version: listed.body.version },
    });
    assert.equal(published.status, 200);
    assert.deepEqual(await events(), [{ type: 'edition.published', edition_id: draft.body.id }]);

    const feed = await (await t.app.request('/api/v1/feed.atom')).text();
    assert.ok(feed.includes('<category term="edition.published"/>'));
    assert.ok(feed.includes(`Công bố danh mục: ${TITLE}`));
    assert.ok(feed.includes('7/THU-SUKIEN ngày 20/11/2026'), 'the summary cites the document');
    assert.ok(feed.includes(`href="https://ndp.example.gov.vn/van-ban/${encodeURIComponent(NUMBER)}"`));

    const dispatcher = createWebhookDispatcher({
      db: t.db,
      clock,
      config: t.config.webhooks,
      log: pino({ level: 'silent' }),
      pageUrl: (e) => publicationPageUrl(publicBase(t.config), e),
    });
    try {
      const pass = await dispatcher.runOnce();
      assert.equal(pass.succeeded, 1);
    } finally {
      await dispatcher.stop();
    }
    assert.equal(received.length, 1);
    assert.equal(received[0]?.headers['x-ndp-event'], 'edition.published');
    const payload = JSON.parse(received[0]!.body) as {
      type: string;
      edition: { id: string; documentNumber: string; name: string; url: string };
    };
    assert.equal(payload.type, 'edition.published');
    assert.deepEqual(
      { id: payload.edition.id, documentNumber: payload.edition.documentNumber, name: payload.edition.name },
      { id: draft.body.id, documentNumber: NUMBER, name: TITLE },
    );
    assert.equal(payload.edition.url, `https://ndp.example.gov.vn/van-ban/${encodeURIComponent(NUMBER)}`);
  });
});
