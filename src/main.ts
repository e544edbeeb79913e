import pino from 'pino';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { ConfigError, readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { DataDirLockedError } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { createEmailSender } from './jobs/email-sender.ts';
import { startReminderJob } from './jobs/declaration-reminders.ts';
import { seedCatalogue } from './seed/seed-catalogue.ts';
import { createDeclarationService } from './services/declaration.service.ts';
import { createCatalogueService } from './services/catalogue.service.ts';
import { createWebhookDispatcher } from './services/webhook-dispatcher.ts';
import { publicBase, publicationPageUrl } from './http/web/publication-link.ts';
import { createOverlapRecheckJob } from './jobs/overlap-recheck.job.ts';
import { serveRegistry } from './http/serve.ts';
import { createRetentionJob } from './jobs/retention.job.ts';
import { createLocalSystemChecker, rulesInForce } from './services/local-system.check.ts';
import { createOverlapRulesService } from './services/overlap-rules.service.ts';

/** The composition root: reads the configuration, opens the database, wires and serves. */
async function main(): Promise<void> {
  const config = readConfig();
  const log = pino({ level: config.logLevel, base: undefined });
  const database = await openDatabase(config.database);
  try {
    const applied = await migrate(database);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    if (config.seed) {
      const { inserted } = await seedCatalogue(database.db, systemClock.now());
      if (inserted > 0) log.info({ inserted }, 'catalogue seeded from seed/ (real, sourced data)');
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const catalogue = createCatalogueService({ db: database.db, clock: systemClock, log });
  await catalogue.snapshot();
  const app = createApp({ config, database, log, clock: systemClock, catalogue });
  // Webhooks: planned from publication events and sent in the background, beside the server.
  const dispatcher = createWebhookDispatcher({
    db: database.db,
    clock: systemClock,
    config: config.webhooks,
    log,
    pageUrl: (event) => publicationPageUrl(publicBase(config), event),
  });
  dispatcher.start();
  // Reminders to confirm platform records (CONFIRMATION_PERIOD_DAYS, REMINDER_INTERVAL_MINUTES).
  const reminders = startReminderJob({
    declarations: createDeclarationService({
      db: database.db,
      clock: systemClock,
      catalogue,
      periodDays: config.confirmationPeriodDays,
      linkBase: config.publicUrl ?? `http://localhost:${config.port}`,
    }),
    intervalMinutes: config.reminderIntervalMinutes,
    log,
  });
  // Re-checks local systems when the catalogue changes, and runs the recomputes asked for.
  const recheck = createOverlapRecheckJob({
    db: database.db,
    clock: systemClock,
    log,
    checker: createLocalSystemChecker(
      catalogue,
      rulesInForce(createOverlapRulesService({ db: database.db, clock: systemClock })),
    ),
    linkBase: config.publicUrl ?? `http://localhost:${config.port}`,
    intervalMs: config.overlapRecheckSeconds * 1000,
  });
  recheck.start();
  // Deletes finished deliveries and e-mails, and expired sessions and tokens (RETENTION_*).
  const retention = createRetentionJob({
    db: database.db,
    clock: systemClock,
    log,
    policy: config.retention,
    mailMaxAttempts: config.mail.maxAttempts,
    sessionIdleMs: config.auth.sessionIdleMinutes * 60_000,
    intervalMinutes: config.retention.intervalMinutes,
  });
  retention.start();
  const server = serveRegistry(app.fetch, config, (info) => {
    log.info({ url: `http://${config.host}:${info.port}`, database: database.engine }, 'registry ready');
  });
  // The outbox's mail goes out over SMTP in the background (when SMTP_URL is set).
  const emailSender = createEmailSender({ db: database.db, clock: systemClock, log, config: config.mail });
  emailSender.start();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    reminders.stop();
    // Stop accepting, let requests in flight finish, then close the database (and its lock).
    // A delivery cut short here keeps its lease; it is sent again once the lease runs out.
    const dispatcherStopped = dispatcher.stop();
    server.close(() => {
      Promise.all([emailSender.stop(), dispatcherStopped, recheck.stop(), retention.stop()])
        .then(() => database.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            log.error({ err: error }, 'error while closing the database');
            process.exit(1);
          },
        );
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Không khởi động được sổ đăng ký / the registry could not start:', error);
  }
  process.exit(1);
});
