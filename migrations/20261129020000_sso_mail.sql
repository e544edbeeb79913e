-- Single sign-on (OIDC) and SMTP delivery of the e-mail outbox (issue 3).
-- Same rules as the earlier migrations: PostgreSQL 15+ and PGlite alike, ids from the application.

-- When a message may next be tried. A sender claims a message by moving this forward (a lease),
-- so a second instance skips it; a failure moves it to the back-off time. Null: at once.
ALTER TABLE email_outbox ADD COLUMN next_attempt_at timestamptz;

-- A sign-in at the identity provider in progress: what the callback must check (state, nonce)
-- and prove (the PKCE verifier). Found by the SHA-256 of a random value held in a short-lived
-- HttpOnly cookie, so the flow is bound to the browser that started it; used once.
CREATE TABLE oidc_flow (
  id_hash        text PRIMARY KEY,
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  return_to      text NOT NULL,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL
);
CREATE INDEX oidc_flow_expires_idx ON oidc_flow (expires_at);

-- Which person at which provider a registry account is: linked at the first sign-on (found by
-- verified e-mail), then found by subject, so a later change of address at the provider cannot
-- hand the account to someone else. One link per account and provider.
CREATE TABLE oidc_identity (
  issuer        text NOT NULL,
  subject       text NOT NULL,
  user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE (issuer, user_id)
);
