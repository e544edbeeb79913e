import type { Logger } from 'pino';
import type { DeclarationService } from '../services/declaration.service.ts';

/**
 * The reminder job: a thin timer around `remindOnce` (the pass itself is in the service and
 * is what tests run). Passes never overlap; a failed pass is logged and the next one tries again.
 */
export interface ReminderJob {
  /** One pass now (also the test hook). */
  runOnce(): Promise<{ reminded: string[]; emails: number }>;
  stop(): void;
}

export function startReminderJob(options: {
  declarations: DeclarationService;
  intervalMinutes: number;
  log: Logger;
}): ReminderJob {
  const { declarations, log } = options;
  let running: Promise<{ reminded: string[]; emails: number }> | null = null;
  const runOnce = () => {
    running ??= declarations
      .remindOnce()
      .then((result) => {
        if (result.emails > 0) log.info(result, 'confirmation reminders queued');
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer =
    options.intervalMinutes > 0
      ? setInterval(() => {
          runOnce().catch((error: unknown) => log.error({ err: error }, 'reminder pass failed'));
        }, options.intervalMinutes * 60_000)
      : null;
  timer?.unref(); // never keeps the process alive on its own
  return {
    runOnce,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
