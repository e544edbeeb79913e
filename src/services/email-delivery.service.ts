import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { claimDueEmails, markEmailFailed, markEmailSent } from '../db/email-delivery.repository.ts';

/**
 * One pass of e-mail delivery: claim the messages that are due, hand each to the transport,
 * record the outcome. A failure is retried after an exponential back-off
 * (MAIL_RETRY_SECONDS × 2^(attempt−1), at most a day) until MAIL_MAX_ATTEMPTS; the last error
 * stays on the row. Sent (or given-up) messages lose their body, so the one-time link in a
 * password reset is not kept readable in the database.
 */
export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface EmailDeliveryDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config['mail'];
  transport: MailTransport;
}

export interface DeliveryPass {
  sent: number;
  failed: number;
}

/** Longer than the transport's own timeouts (see jobs/email-sender.ts): a live send is never re-claimed. */
export const CLAIM_LEASE_MS = 5 * 60_000;
const BATCH = 20;
const MAX_BACKOFF_MS = 86_400_000;

export function retryDelayMs(retrySeconds: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, retrySeconds * 1000 * 2 ** Math.max(0, attempt - 1));
}

export function createEmailDeliveryService({ db, clock, log, config, transport }: EmailDeliveryDeps) {
  return {
    async deliverDue(): Promise<DeliveryPass> {
      const claimed = await claimDueEmails(db, {
        now: clock.now(),
        leaseMs: CLAIM_LEASE_MS,
        maxAttempts: config.maxAttempts,
        limit: BATCH,
      });
      const pass: DeliveryPass = { sent: 0, failed: 0 };
      for (const email of claimed) {
        try {
          await transport.send({ to: email.to, subject: email.subject, text: email.body });
          await markEmailSent(db, email.id, clock.now());
          pass.sent++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const last = email.attempt >= config.maxAttempts;
          const retryAt = last
            ? null
            : new Date(clock.now().getTime() + retryDelayMs(config.retrySeconds, email.attempt));
          await markEmailFailed(db, email.id, message, retryAt);
          pass.failed++;
          // The address is personal data; the id is enough to find the row.
          log.warn(
            { emailId: email.id, attempt: email.attempt, gaveUp: last, err: message },
            'e-mail not sent',
          );
        }
      }
      return pass;
    },
  };
}
export type EmailDeliveryService = ReturnType<typeof createEmailDeliveryService>;
