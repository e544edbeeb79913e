-- Catalogue hygiene: pairs of catalogue entries the authority has looked at and judged not to be
-- one platform recorded twice, so the near-duplicate report stops listing them. The pair is
-- stored in one order (a < b) so it is recorded once whichever entry was listed first.
CREATE TABLE catalogue_duplicate_dismissal (
  platform_a_id  uuid NOT NULL REFERENCES platform (id),
  platform_b_id  uuid NOT NULL REFERENCES platform (id),
  note           text,
  dismissed_by   uuid REFERENCES app_user (id),
  dismissed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform_a_id, platform_b_id),
  CHECK (platform_a_id < platform_b_id)
);
