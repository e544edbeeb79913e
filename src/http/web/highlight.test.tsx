import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../../domain/platform.ts';
import { messages } from '../../i18n/index.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { markedChildren, snippet } from './components/marked-text.tsx';
import { PlatformItem } from './components/platform-item.tsx';
import { fetchPage, section } from './test-helpers.ts';

const ui = { locale: 'vi' as const, m: messages('vi'), url: new URL('http://localhost/'), orgs: new Map() };
const html = (children: unknown) => String(<p>{children}</p>);

describe('marked text', () => {
  it('marks the ranges and escapes every piece', () => {
    const text = '<b>Hệ thống</b> & "đấu thầu"';
    const range = (part: string): [number, number] => [text.indexOf(part), text.indexOf(part) + part.length];
    const out = html(markedChildren(text, [range('&'), range('Hệ thống'), range('đấu thầu')]));
    assert.equal(
      out,
      '<p>&lt;b&gt;<mark>Hệ thống</mark>&lt;/b&gt; <mark>&amp;</mark> &quot;<mark>đấu thầu</mark>&quot;</p>',
    );
  });

  it('survives overlapping, reversed and out-of-range ranges, and never splits a surrogate pair', () => {
    assert.equal(
      html(
        markedChildren('abcdef', [
          [4, 99],
          [1, 3],
          [2, 4],
          [5, 2],
          [-5, 0],
        ]),
      ),
      '<p>a<mark>bcdef</mark></p>',
    );
    assert.equal(html(markedChildren('a😀b', [[2, 3]])), '<p>a<mark>😀</mark>b</p>');
    assert.equal(html(markedChildren('', [[0, 3]])), '<p></p>');
  });

  it('cuts a long text around its first match, at spaces, with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, i) => `từ${i}`);
    const text = words.join(' ');
    const at = text.indexOf('từ50');
    const cut = snippet(text, [[at, at + 4]], 60);
    assert.ok(cut.text.startsWith('… '));
    assert.ok(cut.text.endsWith(' …'));
    assert.ok(cut.text.length <= 70);
    const [range] = cut.ranges;
    assert.ok(range);
    assert.equal(cut.text.slice(range[0], range[1]), 'từ50');
  });
});

describe('search results page: matched words marked', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('marks the matched words of the name and says why it matched', async () => {
    const page = await fetchPage(t, '/?q=dau+thau');
    const results = section(page.html, 'id="results-heading"');
    assert.ok(
      results.includes('>Hệ thống mạng <mark>đấu thầu</mark> quốc gia</a>'),
      'the folded query marks the accented words in the name',
    );
    assert.match(results, /class="reasons"[\s\S]*tên: “<mark>đấu thầu<\/mark>”/);
    // A browse page (no query) marks nothing.
    const browse = section((await fetchPage(t, '/?limit=5')).html, 'id="results-heading"');
    assert.ok(!browse.includes('<mark>'));
  });

  it('shows the matched part of a description, marked, and escapes it (SYNTHETIC entry)', async () => {
    const real = (await t.catalogue.snapshot()).platforms[0];
    assert.ok(real);
    const description = `${'Mô tả thử nghiệm dài. '.repeat(12)}Cho phép <script>tra cứu</script> hồ sơ đất đai. ${'Phần cuối. '.repeat(12)}`;
    const at = description.indexOf('hồ sơ đất đai');
    const platform: Platform & {
      reasons: [];
      highlights: { field: 'description'; ranges: [number, number][] }[];
    } = {
      ...real,
      name: 'Nền tảng thử nghiệm [synthetic]',
      description,
      reasons: [],
      highlights: [{ field: 'description', ranges: [[at, at + 'hồ sơ đất đai'.length]] }],
    };
    const out = String(<PlatformItem ui={ui} platform={platform} />);
    const snippetHtml = section(out, 'class="snippet"', 'p');
    assert.ok(snippetHtml.includes('<mark>hồ sơ đất đai</mark>'), snippetHtml);
    assert.ok(snippetHtml.includes('&lt;script&gt;tra cứu&lt;/script&gt;'));
    assert.ok(!out.includes('<script>'));
    assert.ok(snippetHtml.includes('…'), 'a long description is cut');
    // Without a description match there is no snippet.
    assert.ok(
      !String(<PlatformItem ui={ui} platform={{ ...platform, highlights: [] }} />).includes('snippet'),
    );
  });
});
