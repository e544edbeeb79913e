import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { fixedClock } from '../clock.ts';
import { readConfig } from '../config.ts';
import { createCatalogueService } from '../services/catalogue.service.ts';
import { verifyPassword } from '../services/credentials.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createAdminCommand, type CliIo } from './create-admin.ts';

describe('npm run cli -- create-admin', () => {
  let t: TestDatabase;
  let deps: Parameters<typeof createAdminCommand>[2];
  before(async () => {
    t = await openTestDatabase();
    const clock = fixedClock('2026-11-29T03:00:00Z');
    const log = pino({ level: 'silent' });
    deps = {
      db: t.database.db,
      clock,
      config: readConfig({}),
      catalogue: createCatalogueService({ db: t.database.db, clock, log }),
    };
  });
  after(() => t.close());

  const run = async (args: string[], stdin: string | null) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) };
    const code = await createAdminCommand(args, io, deps);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const account = (email: string) =>
    t.database.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
  const args = (email: string) => [
    '--email',
    email,
    '--name',
    'Quản trị viên',
    '--organisation',
    'bo-khoa-hoc-va-cong-nghe',
  ];

  it('takes the password from standard input', async () => {
    const result = await run(args('Admin@Mst.gov.vn'), 'một mật khẩu đủ dài\n');
    assert.equal(result.code, 0, result.err);
    const row = await account('admin@mst.gov.vn');
    assert.equal(row?.role, 'authority_admin');
    assert.equal(row?.password_must_change, false);
    assert.ok(
      await verifyPassword(row?.password_hash ?? '', 'một mật khẩu đủ dài'),
      'the newline is not part of it',
    );
    assert.doesNotMatch(result.out, /mật khẩu đủ dài/, 'the given password is never echoed');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', row?.id ?? '')
      .execute();
    assert.equal(audit[0]?.action, 'user.create');
    assert.equal(audit[0]?.actor_user_id, null);
    assert.equal(audit[0]?.request_id, 'cli:create-admin');
  });

  it('at a terminal, generates a one-time password, prints it once, and requires a change', async () => {
    const result = await run(args('second@mst.gov.vn'), null);
    assert.equal(result.code, 0, result.err);
    const password = /: (\S{24})$/m.exec(result.out)?.[1];
    assert.ok(password, result.out);
    const row = await account('second@mst.gov.vn');
    assert.equal(row?.password_must_change, true);
    assert.ok(await verifyPassword(row?.password_hash ?? '', password));
  });

  it('refuses bad input and writes nothing', async () => {
    const cases: [string[], string | null, number, RegExp][] = [
      [['--email', 'x@mst.gov.vn'], null, 2, /create-admin/],
      [[...args('x@mst.gov.vn'), '--role', 'x'], null, 2, /create-admin/],
      [args('x@mst.gov.vn'), '', 2, /Standard input/],
      [args('x@mst.gov.vn'), 'ngắn', 1, /password: password_too_short/],
      [args('admin@mst.gov.vn'), null, 1, /email: email_taken/],
      [
        ['--email', 'x@mst.gov.vn', '--name', 'X', '--organisation', 'tinh-tuyen-quang'],
        null,
        1,
        /role_organisation_mismatch/,
      ],
      [
        ['--email', 'x@mst.gov.vn', '--name', 'X', '--organisation', 'khong-co'],
        null,
        1,
        /organisation: not_found/,
      ],
    ];
    for (const [argv, stdin, code, message] of cases) {
      const result = await run(argv, stdin);
      assert.equal(result.code, code, argv.join(' '));
      assert.match(result.err, message, argv.join(' '));
    }
    assert.equal(await account('x@mst.gov.vn'), undefined);
  });
});
