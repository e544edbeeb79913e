import { parseArgs } from 'node:util';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { DomainError, InvalidInputError } from '../domain/errors.ts';
import { format } from '../i18n/index.ts';
import { en } from '../i18n/en.ts';
import { vi, type Messages } from '../i18n/vi.ts';
import type { CatalogueService } from '../services/catalogue.service.ts';
import { createUserService } from '../services/user.service.ts';

/**
 * `npm run cli -- create-admin --email … --name … --organisation <code>`: the first
 * administrator. The password comes from standard input when it is piped (never from an
 * argument, which other users of the machine could read in the process list); at a terminal a
 * one-time password is generated, printed once, and must be changed at first sign-in.
 */
export interface CliIo {
  /** Piped standard input, or null when it is a terminal. */
  readStdin(): Promise<string | null>;
  out(line: string): void;
  err(line: string): void;
}

export interface CliDeps {
  db: Db;
  clock: Clock;
  config: Config;
  catalogue: CatalogueService;
}

/** Both languages, Vietnamese first, as the configuration errors are printed. */
const say = (pick: (m: Messages['cli']) => string, params: Record<string, string> = {}) =>
  `${format(pick(vi.cli), params)}\n${format(pick(en.cli), params)}`;

export async function createAdminCommand(args: string[], io: CliIo, deps: CliDeps): Promise<number> {
  let values: { email?: string; name?: string; organisation?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } },
      strict: true,
    }));
  } catch {
    io.err(say((m) => m.usage));
    return 2;
  }
  if (!values.email || !values.name || !values.organisation) {
    io.err(say((m) => m.usage));
    return 2;
  }
  const piped = await io.readStdin();
  // A trailing newline from `echo` or a here-string is not part of the password.
  const password = piped === null ? null : piped.replace(/\r?\n$/, '');
  if (password === '') {
    io.err(say((m) => m.emptyPassword));
    return 2;
  }
  const users = createUserService({
    db: deps.db,
    clock: deps.clock,
    config: deps.config.auth,
    catalogue: deps.catalogue,
    linkBase: deps.config.publicUrl ?? `http://localhost:${deps.config.port}`,
  });
  try {
    const { user, generatedPassword } = await users.createAdminFromCli(
      { email: values.email, name: values.name, organisation: values.organisation, password },
      { actor: null, requestId: 'cli:create-admin', clientAddress: null },
    );
    io.out(say((m) => m.created, { email: user.email, organisation: user.organisation?.name ?? '' }));
    if (generatedPassword) io.out(say((m) => m.generated, { password: generatedPassword }));
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const problems =
      error instanceof InvalidInputError
        ? error.issues.map((i) => `${i.field}: ${i.code}`).join(', ')
        : error.code;
    io.err(say((m) => m.invalid, { problems }));
    return 1;
  }
}
