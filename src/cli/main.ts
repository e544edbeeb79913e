import pino from 'pino';
import { seedCatalogue } from '../seed/seed-catalogue.ts';
import { systemClock } from '../clock.ts';
import { ConfigError, readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { migrate } from '../db/migrate.ts';
import { format } from '../i18n/index.ts';
import { en } from '../i18n/en.ts';
import { vi } from '../i18n/vi.ts';
import { createCatalogueService } from '../services/catalogue.service.ts';
import { createAdminCommand, type CliIo } from './create-admin.ts';

/** The registry's command line (`npm run cli -- <command> …`): opens the configured database and runs one command. */
const COMMANDS = { 'create-admin': createAdminCommand } as const;

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (!command) {
    const text = `${format(vi.cli.unknownCommand, { command: name ?? '' })}\n${vi.cli.usage}`;
    console.error(`${text}\n${format(en.cli.unknownCommand, { command: name ?? '' })}\n${en.cli.usage}`);
    return 2;
  }
  const config = readConfig();
  const database = await openDatabase(config.database);
  try {
    // The same start as the server: a new database gets its tables and the real organisations.
    await migrate(database);
    if (config.seed) await seedCatalogue(database.db, systemClock.now());
    const log = pino({ level: 'silent' });
    const catalogue = createCatalogueService({ db: database.db, clock: systemClock, log });
    const io: CliIo = { readStdin, out: (l) => console.log(l), err: (l) => console.error(l) };
    return await command(args, io, { db: database.db, clock: systemClock, config, catalogue });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
