import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import {
  createEmailDeliveryService,
  type DeliveryPass,
  type MailTransport,
} from '../services/email-delivery.service.ts';

/**
 * The background shell around email-delivery.service: every MAIL_INTERVAL_SECONDS, one pass
 * over the outbox through SMTP (nodemailer). Without SMTP_URL nothing is sent and the mail
 * stays in the outbox (said once in the log). `runOnce` is the hook tests (and `stop`) use.
 */
export interface EmailSender {
  readonly enabled: boolean;
  runOnce(): Promise<DeliveryPass>;
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

export interface EmailSenderDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config['mail'];
}

export function smtpTransport(config: Config['mail']): MailTransport {
  if (!config.smtpUrl || !config.from) throw new Error('SMTP_URL and SMTP_FROM are required');
  const mailer = createTransport(
    {
      url: config.smtpUrl,
      // Shorter than the claim lease (CLAIM_LEASE_MS), so a stuck server fails the attempt first.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    },
    { from: config.from },
  );
  return {
    async send(message) {
      // Plain text only, and no attachments or remote content: nothing in the outbox can make
      // the sender read files or URLs.
      await mailer.sendMail({ ...message, disableFileAccess: true, disableUrlAccess: true });
    },
  };
}

export function createEmailSender(
  deps: EmailSenderDeps,
  transport: MailTransport | null = deps.config.smtpUrl ? smtpTransport(deps.config) : null,
): EmailSender {
  const { log, config } = deps;
  if (!transport) {
    log.warn('e-mail delivery is off (SMTP_URL unset): messages stay in the email_outbox table');
    return {
      enabled: false,
      runOnce: async () => ({ sent: 0, failed: 0 }),
      start() {},
      stop: async () => {},
    };
  }
  const delivery = createEmailDeliveryService({ ...deps, transport });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<DeliveryPass> | null = null;

  const runOnce = () => {
    // One pass at a time: a slow pass and the next tick must not send the same batch twice.
    running ??= delivery.deliverDue().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    enabled: true,
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        runOnce().catch((error: unknown) => log.error({ err: error }, 'e-mail delivery pass failed'));
      }, config.intervalSeconds * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}
