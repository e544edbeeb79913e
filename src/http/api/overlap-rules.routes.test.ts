import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { send, signInAs, type TestSession } from '../../testing/test-session.ts';

interface RulesView {
  version: number;
  rules: { overlapThreshold: number; relatedThreshold: number; counterparts: unknown[] };
}
interface Check {
  verdict: string;
  rulesVersion: number;
  matches: { platform: { name: string }; level: string; score: number }[];
}

const BIDDING = {
  name: 'Hệ thống đấu thầu qua mạng của tỉnh',
  description:
    'Xây dựng phần mềm để các chủ đầu tư trên địa bàn tỉnh đăng tải thông tin và tổ chức lựa chọn nhà thầu qua mạng.',
};

describe('GET/PUT /api/v1/overlap-rules', () => {
  let t: TestApp;
  let admin: TestSession;
  before(async () => {
    t = await openTestApp();
    admin = await signInAs(t, 'authority_admin');
  });
  after(() => t.close());

  const check = async () => (await send<Check>(t, 'POST', '/api/v1/overlap-checks', { body: BIDDING })).body;
  const rules = async () => (await t.get<RulesView>('/api/v1/overlap-rules')).body;

  it('shows the built-in rules as version 0 to anyone, and checks say which version they used', async () => {
    const view = await rules();
    assert.equal(view.version, 0);
    assert.equal(view.rules.overlapThreshold, 0.5);
    assert.ok(view.rules.counterparts.length > 0);
    assert.equal((await check()).rulesVersion, 0);
  });

  it('a stricter overlap threshold turns an overlap into related, at once, and is audited', async () => {
    const first = await check();
    assert.equal(first.verdict, 'overlap');
    const top = first.matches.find((m) => m.level === 'overlap')!;
    assert.equal(top.platform.name, 'Hệ thống mạng đấu thầu quốc gia');
    assert.ok(top.score < 1, 'the score leaves room above it');
    const stricter = Math.min(1, top.score + 0.01);

    const put = await send<RulesView>(t, 'PUT', '/api/v1/overlap-rules', {
      session: admin,
      body: { version: 0, rules: { overlapThreshold: stricter } },
    });
    assert.equal(put.status, 200);
    assert.equal(put.body.version, 1);
    assert.equal(put.body.rules.overlapThreshold, stricter);
    assert.equal(put.body.rules.relatedThreshold, 0.3, 'settings left out take their defaults');

    const second = await check();
    assert.equal(second.rulesVersion, 1);
    assert.equal(second.verdict, 'related');
    assert.equal(second.matches.find((m) => m.platform.name === top.platform.name)?.level, 'related');

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'overlap_rules.update')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, admin.userId);
    assert.equal((audit[0]!.after as RulesView).version, 1);
    assert.equal((audit[0]!.before as RulesView).version, 0);

    // Back to the defaults: the verdict returns.
    const reset = await send<RulesView>(t, 'PUT', '/api/v1/overlap-rules', {
      session: admin,
      body: { version: 1, rules: {} },
    });
    assert.equal(reset.status, 200);
    assert.equal(reset.body.version, 2);
    assert.equal((await check()).verdict, 'overlap');
  });

  it('takes back what it gives: the rules as read are valid rules to write', async () => {
    const read = await rules();
    const put = await send<RulesView>(t, 'PUT', '/api/v1/overlap-rules', {
      session: admin,
      body: { version: read.version, rules: read.rules },
    });
    assert.equal(put.status, 200);
    assert.equal(put.body.version, read.version + 1);
    assert.deepEqual(put.body.rules, read.rules);
  });

  it('refuses a stale version with 409 and the current one, changing nothing', async () => {
    const current = (await rules()).version;
    const stale = await send<{ code: string; currentVersion: number }>(t, 'PUT', '/api/v1/overlap-rules', {
      session: admin,
      body: { version: current - 1, rules: { overlapThreshold: 0.9 } },
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    assert.equal(stale.body.currentVersion, current);
    assert.equal((await rules()).version, current);
  });

  it('refuses bad rules with 400 naming the setting, and writes nothing', async () => {
    const current = (await rules()).version;
    const cases: [unknown, string][] = [
      [{ overlapThreshold: 2 }, 'rules.overlapThreshold'],
      [{ overlapThreshold: 'high' }, 'rules.overlapThreshold'],
      [{ relatedThreshold: 0.9, overlapThreshold: 0.5 }, 'rules.relatedThreshold'],
      [{ counterparts: [{ id: 'x', proposal: [], platform: [] }] }, 'rules.counterparts[0].reason'],
      [{ notForReuse: 'delete' }, 'rules.notForReuse'],
    ];
    for (const [input, field] of cases) {
      const r = await send<{ code: string; errors: { field: string }[] }>(t, 'PUT', '/api/v1/overlap-rules', {
        session: admin,
        body: { version: current, rules: input },
      });
      assert.equal(r.status, 400, JSON.stringify(input));
      assert.equal(r.body.code, 'invalid_input');
      assert.ok(
        r.body.errors.some((e) => e.field === field),
        `${field} in ${JSON.stringify(r.body.errors)}`,
      );
    }
    const noVersion = await send<{ errors: { field: string }[] }>(t, 'PUT', '/api/v1/overlap-rules', {
      session: admin,
      body: { rules: {} },
    });
    assert.equal(noVersion.status, 400);
    assert.equal(noVersion.body.errors[0]?.field, 'version');
    assert.equal((await rules()).version, current);
  });

  it('only administrators change the rules: reviewers and others 403, anonymous 401', async () => {
    const current = (await rules()).version;
    for (const role of ['authority_reviewer', 'ministry_editor', 'locality_officer'] as const) {
      const session = await signInAs(t, role);
      const r = await send<{ code: string }>(t, 'PUT', '/api/v1/overlap-rules', {
        session,
        body: { version: current, rules: { overlapThreshold: 0.9 } },
      });
      assert.equal(r.status, 403, role);
      assert.equal(r.body.code, 'not_allowed');
    }
    const anonymous = await send(t, 'PUT', '/api/v1/overlap-rules', {
      body: { version: current, rules: {} },
    });
    assert.equal(anonymous.status, 401);
    assert.equal((await rules()).version, current);
  });
});
