import type { Locale } from './index.ts';
import { notificationsEn } from './notifications.en.ts';
import { notificationsVi, type NotificationsMessages } from './notifications.vi.ts';

/** The feed's and webhooks' texts in `locale` (kept apart from vi.ts/en.ts, like workflow.*.ts). */
export const notificationsText = (locale: Locale): NotificationsMessages =>
  locale === 'en' ? notificationsEn : notificationsVi;
