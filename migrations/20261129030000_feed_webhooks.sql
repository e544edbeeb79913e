-- Notifications (issue 3): publication events, the Atom feed's source and the webhooks' outbox.
-- Same rules as the first migrations: PostgreSQL 15+ and PGlite alike, ids from the application.

-- One row per thing published, written in the transaction that publishes it (a transactional
-- outbox): the feed reads it, the webhook dispatcher fans it out. `seq` orders events as they
-- committed within one instance's clock; `dispatched_at` is set once deliveries are planned.
CREATE TABLE publication_event (
  id             uuid PRIMARY KEY,
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  type           text NOT NULL CHECK (type IN ('platform.created', 'platform.updated',
                                               'platform.retired', 'edition.published')),
  platform_id    uuid REFERENCES platform (id),
  platform_slug  text,
  edition_id     uuid REFERENCES edition (id),
  -- An edition's citable key ("2765/BTTTT-CĐSQG"), as its public page is addressed.
  document_number text,
  -- The subject's name when it was published (a later rename does not rewrite history).
  title          text NOT NULL,
  version        integer,
  summary        text NOT NULL DEFAULT '',
  occurred_at    timestamptz NOT NULL,
  dispatched_at  timestamptz,
  CHECK ((type LIKE 'platform.%') = (platform_id IS NOT NULL AND platform_slug IS NOT NULL)),
  CHECK ((type = 'edition.published') = (edition_id IS NOT NULL AND document_number IS NOT NULL))
);
CREATE INDEX publication_event_recent_idx ON publication_event (occurred_at DESC, seq DESC);
CREATE INDEX publication_event_undispatched_idx ON publication_event (seq) WHERE dispatched_at IS NULL;

-- Endpoints the authority registers. `secret` signs deliveries, so it must be readable: it is
-- stored sealed with AES-256-GCM when WEBHOOK_SECRET_KEY is configured ('v1:…'), as is
-- otherwise ('plain:…'). `event_types` empty means every type.
CREATE TABLE webhook (
  id           uuid PRIMARY KEY,
  url          text NOT NULL,
  description  text NOT NULL DEFAULT '',
  event_types  text[] NOT NULL DEFAULT '{}',
  secret       text NOT NULL,
  enabled      boolean NOT NULL DEFAULT true,
  version      integer NOT NULL DEFAULT 1,
  created_by   uuid REFERENCES app_user (id),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);

-- One event to one endpoint. The same delivery id travels with every attempt (X-NDP-Delivery),
-- so a receiver can drop duplicates. `locked_until` is a lease: an instance that claimed the
-- delivery (FOR UPDATE SKIP LOCKED) sends it outside any transaction, and another instance may
-- take it over only once the lease has run out.
CREATE TABLE webhook_delivery (
  id               uuid PRIMARY KEY,
  webhook_id       uuid NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
  event_id         uuid NOT NULL REFERENCES publication_event (id),
  state            text NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  locked_until     timestamptz,
  created_at       timestamptz NOT NULL,
  UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, created_at DESC);

-- The delivery log: every attempt with its answer.
CREATE TABLE webhook_delivery_attempt (
  delivery_id      uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
  attempt          integer NOT NULL,
  started_at       timestamptz NOT NULL,
  status_code      integer,
  duration_ms      integer NOT NULL,
  error            text,
  next_attempt_at  timestamptz,
  PRIMARY KEY (delivery_id, attempt)
);
