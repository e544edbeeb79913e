-- A work form whose session had expired, kept with the single sign-on flow that signs the person
-- in again (server-side, never in an address), and posted on after the callback. Deleted with the
-- flow: a flow is used once and expires after ten minutes.
ALTER TABLE oidc_flow ADD COLUMN kept_form jsonb;
