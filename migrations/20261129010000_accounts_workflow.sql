-- Accounts, sessions, the audit log, change requests and platform versions (issue 3).
-- Same rules as the first migration: PostgreSQL 15+ and PGlite alike, ids from the application.

-- "user" is a reserved word in SQL; the table is app_user. Users belong to an organisation.
-- password_hash is null until the user sets one (an invited user has only a reset token).
CREATE TABLE app_user (
  id                    uuid PRIMARY KEY,
  email                 text NOT NULL UNIQUE CHECK (email = lower(email)),
  name                  text NOT NULL,
  organisation_id       uuid NOT NULL REFERENCES organisation (id),
  role                  text NOT NULL CHECK (role IN ('authority_admin', 'authority_reviewer',
                                                      'ministry_editor', 'locality_officer')),
  password_hash         text,
  password_must_change  boolean NOT NULL DEFAULT false,
  password_changed_at   timestamptz,
  disabled_at           timestamptz,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_organisation_idx ON app_user (organisation_id);

-- Server-side sessions. Only the SHA-256 of the cookie's token is stored, so a copy of the
-- database does not hand out live sessions (OWASP ASVS 3.2, 2.10).
CREATE TABLE session (
  id              uuid PRIMARY KEY,
  token_hash      text NOT NULL UNIQUE,
  user_id         uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL,
  last_used_at    timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  client_address  text,
  user_agent      text
);
CREATE INDEX session_user_idx ON session (user_id);
CREATE INDEX session_expires_idx ON session (expires_at);

-- Failed sign-ins per key ('email:…' and 'address:…'). Keyed by the e-mail as typed, known or
-- not, so a lock-out says nothing about whether an account exists.
CREATE TABLE sign_in_throttle (
  key           text PRIMARY KEY,
  failures      integer NOT NULL,
  window_start  timestamptz NOT NULL,
  locked_until  timestamptz
);

-- Password reset (and invitation) tokens: stored hashed, expiring, used once.
CREATE TABLE password_reset (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  purpose     text NOT NULL CHECK (purpose IN ('reset', 'invitation')),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id);

-- Mail waiting to be sent. Delivery over SMTP comes later: a sender picks unsent rows.
CREATE TABLE email_outbox (
  id          uuid PRIMARY KEY,
  to_address  text NOT NULL,
  subject     text NOT NULL,
  body_text   text NOT NULL,
  purpose     text NOT NULL,
  created_at  timestamptz NOT NULL,
  sent_at     timestamptz,
  attempts    integer NOT NULL DEFAULT 0,
  last_error  text
);
CREATE INDEX email_outbox_unsent_idx ON email_outbox (created_at) WHERE sent_at IS NULL;

-- The audit log: every write, in the same transaction as the write. Append-only: a trigger
-- refuses UPDATE, DELETE and TRUNCATE, so not even a bug in the application can rewrite it.
CREATE TABLE audit_log (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at                     timestamptz NOT NULL,
  actor_user_id          uuid,
  actor_organisation_id  uuid,
  action                 text NOT NULL,
  target_type            text NOT NULL,
  target_id              text,
  before                 jsonb,
  after                  jsonb,
  request_id             text,
  client_address         text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Days that are not working days although they fall Monday–Friday (public holidays, Tết,
-- compensatory days off), and weekend days declared working days. Maintained by the
-- administrator from each year's official announcement; none is seeded.
CREATE TABLE holiday (
  day         date PRIMARY KEY,
  kind        text NOT NULL DEFAULT 'day_off' CHECK (kind IN ('day_off', 'working_day')),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- A ministry's proposal: a new platform, a change, or retirement. `proposed` holds the platform
-- fields as the editor wrote them (a draft may be incomplete); `base_platform_version` is the
-- platform version the proposal was written against.
CREATE TABLE change_request (
  id                     uuid PRIMARY KEY,
  kind                   text NOT NULL CHECK (kind IN ('create', 'update', 'retire')),
  platform_id            uuid REFERENCES platform (id),
  base_platform_version  integer,
  organisation_id        uuid NOT NULL REFERENCES organisation (id),
  author_id              uuid NOT NULL REFERENCES app_user (id),
  status                 text NOT NULL CHECK (status IN ('draft', 'submitted', 'changes_requested',
                                               'resubmitted', 'approved', 'rejected', 'withdrawn')),
  summary                text NOT NULL,
  proposed               jsonb NOT NULL,
  submitted_at           timestamptz,
  decided_at             timestamptz,
  decided_by             uuid REFERENCES app_user (id),
  published_version      integer,
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  -- A new platform gets its id when approved; a change or retirement names its platform and base.
  CHECK (kind = 'create' OR (platform_id IS NOT NULL AND base_platform_version IS NOT NULL)),
  CHECK (kind <> 'create' OR platform_id IS NULL OR status = 'approved')
);
CREATE INDEX change_request_status_idx ON change_request (status);
CREATE INDEX change_request_organisation_idx ON change_request (organisation_id);
CREATE INDEX change_request_platform_idx ON change_request (platform_id);

CREATE TABLE change_request_comment (
  id                 uuid PRIMARY KEY,
  seq                bigint GENERATED ALWAYS AS IDENTITY,  -- the order they were written in
  change_request_id  uuid NOT NULL REFERENCES change_request (id),
  author_id          uuid NOT NULL REFERENCES app_user (id),
  kind               text NOT NULL CHECK (kind IN ('comment', 'submit', 'request_changes', 'approve',
                                                   'reject', 'withdraw')),
  body               text NOT NULL,
  created_at         timestamptz NOT NULL
);
CREATE INDEX change_request_comment_cr_idx ON change_request_comment (change_request_id, seq);

-- Every published state of a platform, immutable: who proposed, who approved, when and why.
CREATE TABLE platform_version (
  platform_id        uuid NOT NULL REFERENCES platform (id),
  version            integer NOT NULL CHECK (version >= 1),
  data               jsonb NOT NULL,
  change_request_id  uuid REFERENCES change_request (id),
  author_id          uuid REFERENCES app_user (id),
  approved_by        uuid REFERENCES app_user (id),
  reason             text NOT NULL,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (platform_id, version)
);
CREATE TRIGGER platform_version_immutable BEFORE UPDATE OR DELETE ON platform_version
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER platform_version_no_truncate BEFORE TRUNCATE ON platform_version
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
