import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock, publishViaWorkflow, SYNTHETIC_PLATFORM } from '../../testing/publish.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

// A minimal XML reader for the assertions: elements, attributes and text, entities decoded.
// It throws on anything not well-formed (unbalanced tags, a raw "<" or "&" in text).
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}
function decode(raw: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(raw)) throw new Error(`bare & in ${raw}`);
  return raw.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '',
  );
}
function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body))) {
    consumed = token.lastIndex;
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      top.text += decode(m[5]);
      continue;
    }
    const [, closing, name = '', attrText = '', selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    const node: XmlNode = { name, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (consumed !== body.length)
    throw new Error(`not well-formed at ${consumed}: ${body.slice(consumed, consumed + 40)}`);
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced document');
  return root.children[0]!;
}
const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);

const TRICKY = 'Nền tảng thử nghiệm <Ký hiệu> & "Trích dẫn" (dữ liệu tổng hợp)';

describe('the Atom feed of published changes', () => {
  let t: TestApp;
  let editor: TestSession;
  let reviewer: TestSession;
  let createdId: string;
  const clock = manualClock('2026-11-29T03:00:00Z');
  before(async () => {
    t = await openTestApp({
      clock,
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://ndp.example.gov.vn' },
    });
    editor = await signInAs(t, 'ministry_editor');
    reviewer = await signInAs(t, 'authority_reviewer');
  });
  after(() => t.close());

  it('is valid, empty Atom before anything is published', async () => {
    const res = await t.app.request('/api/v1/feed.atom');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    const feed = parseXml(await res.text());
    assert.equal(feed.name, 'feed');
    assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom');
    assert.equal(child(feed, 'title')?.text, 'Sổ đăng ký nền tảng số quốc gia — Thay đổi đã công bố');
    for (const required of ['id', 'updated', 'author']) assert.ok(child(feed, required), required);
    assert.equal(children(feed, 'entry').length, 0);
  });

  it('shows a platform published through the review workflow, escaped, linked on the public URL, newest first', async () => {
    const created = await publishViaWorkflow(t, editor, reviewer, {
      kind: 'create',
      summary: 'Đăng ký nền tảng thử nghiệm <mới> & "đặc biệt"',
      proposed: { ...SYNTHETIC_PLATFORM, name: TRICKY },
    });
    createdId = created.platformId!;
    clock.advance(600); // within the session's idle time
    await publishViaWorkflow(t, editor, reviewer, {
      kind: 'update',
      platform: created.platformId!,
      summary: 'Cập nhật đơn vị vận hành',
      proposed: { operator: 'Đơn vị vận hành thử nghiệm 2' },
    });

    const res = await t.app.request('/api/v1/feed.atom', { headers: { host: 'evil.example.com' } });
    const xml = await res.text();
    assert.ok(!xml.includes('<Ký hiệu>'), 'the name is escaped');
    const feed = parseXml(xml);
    const entries = children(feed, 'entry');
    assert.equal(entries.length, 2);
    const [newest, oldest] = entries as [XmlNode, XmlNode];
    assert.equal(child(newest, 'title')?.text, `Cập nhật: ${TRICKY}`);
    assert.equal(child(oldest, 'title')?.text, `Nền tảng mới: ${TRICKY}`);
    assert.equal(child(newest, 'updated')?.text, '2026-11-29T03:10:00.000Z');
    assert.equal(child(feed, 'updated')?.text, '2026-11-29T03:10:00.000Z');
    assert.match(
      child(oldest, 'summary')?.text ?? '',
      /Phiên bản 1\. Đăng ký nền tảng thử nghiệm <mới> & "đặc biệt"/,
    );
    for (const entry of entries) {
      assert.match(child(entry, 'id')?.text ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
      const href = child(entry, 'link')?.attrs.href ?? '';
      assert.ok(href.startsWith('https://ndp.example.gov.vn/nen-tang/'), href);
      assert.ok(!xml.includes('evil.example.com'), 'never the Host header');
    }
    assert.notEqual(child(newest, 'id')?.text, child(oldest, 'id')?.text);

    // The same entry keeps its id in every later copy of the feed.
    const again = parseXml(await (await t.app.request('/api/v1/feed.atom')).text());
    assert.deepEqual(
      children(again, 'entry').map((e) => child(e, 'id')?.text),
      entries.map((e) => child(e, 'id')?.text),
    );
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once something else is published', async () => {
    const first = await t.app.request('/api/v1/feed.atom');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const unchanged = await t.app.request('/api/v1/feed.atom', { headers: { 'if-none-match': etag } });
    assert.equal(unchanged.status, 304);
    assert.equal(await unchanged.text(), '');
    clock.advance(60);
    await publishViaWorkflow(t, editor, reviewer, {
      kind: 'retire',
      platform: 'he-thong-mang-dau-thau-quoc-gia',
      summary: 'Ngừng sử dụng (thử nghiệm)',
    });
    const changed = await t.app.request('/api/v1/feed.atom', { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    const newest = children(parseXml(await changed.text()), 'entry')[0]!;
    assert.match(child(newest, 'title')?.text ?? '', /^Ngừng sử dụng: /);
  });

  it('gets no entry for an approval that failed and was rolled back', async () => {
    const platform = children(parseXml(await (await t.app.request('/api/v1/feed.atom')).text()), 'entry');
    const draft = async (operator: string) => {
      const cr = await send<{ id: string; version: number }>(t, 'POST', '/api/v1/change-requests', {
        session: editor,
        body: {
          kind: 'update',
          platform: createdId,
          summary: 'Hai đề nghị cùng lúc',
          proposed: { operator },
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
      return { id: cr.body.id, version: submitted.body.version };
    };
    const [a, b] = [await draft('Đơn vị thử nghiệm A'), await draft('Đơn vị thử nghiệm B')];
    const decide = (cr: { id: string; version: number }) =>
      send(t, 'POST', `/api/v1/change-requests/${cr.id}/decision`, {
        session: reviewer,
        body: { version: cr.version, decision: 'approve' },
      });
    assert.equal((await decide(a)).status, 200);
    assert.equal((await decide(b)).status, 409, 'the platform changed under the second request');
    const after = children(parseXml(await (await t.app.request('/api/v1/feed.atom')).text()), 'entry');
    assert.equal(after.length, platform.length + 1, 'one entry: the approval that published');
    const events = await t.db.selectFrom('publication_event').select('id').execute();
    assert.equal(events.length, after.length);
  });

  it('is announced on every page for feed readers', async () => {
    const page = await (await t.app.request('/')).text();
    assert.match(page, /<link rel="alternate" type="application\/atom\+xml" href="\/api\/v1\/feed\.atom"/);
    const english = await (await t.app.request('/?lang=en')).text();
    assert.match(english, /href="\/api\/v1\/feed\.atom\?lang=en"/);
  });

  it('has English titles at ?lang=en', async () => {
    const feed = parseXml(await (await t.app.request('/api/v1/feed.atom?lang=en')).text());
    assert.equal(feed.attrs['xml:lang'], 'en');
    const titles = children(feed, 'entry').map((e) => child(e, 'title')?.text ?? '');
    assert.equal(titles[0], `Updated: ${TRICKY}`, 'the latest, published after the retirement');
    assert.ok(titles.some((title) => title.startsWith('Retired: ')));
    assert.equal(titles.at(-1), `New platform: ${TRICKY}`);
  });
});
