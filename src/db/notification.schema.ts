import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the notification tables (migrations/20261129030000_feed_webhooks.sql), added to
 * `Schema` by declaration merging so this area's tables live in their own file.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PublicationEventTable {
  id: string;
  seq: Generated<number>;
  type: string;
  platform_id: string | null;
  platform_slug: string | null;
  edition_id: string | null;
  document_number: string | null;
  title: string;
  version: number | null;
  summary: Generated<string>;
  occurred_at: Timestamp;
  dispatched_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface WebhookTable {
  id: string;
  url: string;
  description: Generated<string>;
  event_types: string[];
  secret: string;
  enabled: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  event_id: string;
  state: string;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
}

export interface WebhookDeliveryAttemptTable {
  delivery_id: string;
  attempt: number;
  started_at: Timestamp;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  next_attempt_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

declare module './schema.ts' {
  interface Schema {
    publication_event: PublicationEventTable;
    webhook: WebhookTable;
    webhook_delivery: WebhookDeliveryTable;
    webhook_delivery_attempt: WebhookDeliveryAttemptTable;
  }
}
