-- Local systems (issue 5): what a locality runs or plans, each check of it against the catalogue
-- (an immutable snapshot), how the locality answers an overlap (comply or explain), and the
-- background runs that re-check them.

-- A locality's system or planned investment. `origin_organisation_id` is the body it was
-- recorded for (a province before the 2025 merger, say); `organisation_id` the locality that
-- answers for it when recorded (the successor). Readers resolve both to today's successor.
-- Provinces now; communes use the same columns later.
CREATE TABLE local_system (
  id                      uuid PRIMARY KEY,
  organisation_id         uuid NOT NULL REFERENCES organisation (id),
  origin_organisation_id  uuid NOT NULL REFERENCES organisation (id),
  name                    text NOT NULL,
  description             text NOT NULL DEFAULT '',
  functions               text[] NOT NULL DEFAULT '{}',
  data_items              text[] NOT NULL DEFAULT '{}',
  status                  text NOT NULL CHECK (status IN ('proposed', 'approved', 'in_development',
                                                          'operating', 'retired')),
  decision_number         text,
  decision_date           date,
  budget_vnd              bigint CHECK (budget_vnd >= 0),
  contact_name            text,
  contact_email           text,
  contact_phone           text,
  created_by              uuid REFERENCES app_user (id),
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL
);
CREATE INDEX local_system_organisation_idx ON local_system (organisation_id);

-- Every check of a local system: the verdict as it was, against which catalogue and rules.
-- Immutable, like the audit log; the latest one per system is its current verdict.
CREATE TABLE local_system_check (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  local_system_id     uuid NOT NULL REFERENCES local_system (id),
  system_version      integer NOT NULL,
  verdict             text NOT NULL CHECK (verdict IN ('overlap', 'related', 'clear')),
  score               double precision NOT NULL,
  matches             jsonb NOT NULL,
  catalogue_revision  bigint NOT NULL,
  rules_version       text NOT NULL,
  trigger             text NOT NULL CHECK (trigger IN ('record', 'edit', 'recheck', 'recompute')),
  checked_at          timestamptz NOT NULL
);
CREATE INDEX local_system_check_latest_idx ON local_system_check (local_system_id, id DESC);
CREATE TRIGGER local_system_check_immutable BEFORE UPDATE OR DELETE ON local_system_check
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Comply or explain: the locality adopts a catalogue platform instead, or justifies its own
-- system; a justification waits for the authority's decision. Each answers one check.
CREATE TABLE local_system_resolution (
  id                 uuid PRIMARY KEY,
  local_system_id    uuid NOT NULL REFERENCES local_system (id),
  check_id           bigint NOT NULL REFERENCES local_system_check (id),
  kind               text NOT NULL CHECK (kind IN ('adoption', 'justification')),
  platform_id        uuid REFERENCES platform (id),
  -- the platforms the answered check found overlapping: the answer covers these, no others
  covered_platform_ids  text[] NOT NULL,
  reason             text,
  platform_unfit     text,
  cost_comparison    text,
  integration_plan   text,
  status             text NOT NULL CHECK (status IN ('adopted', 'pending', 'accepted', 'rejected')),
  review_comment     text,
  reviewed_by        uuid REFERENCES app_user (id),
  reviewed_at        timestamptz,
  created_by         uuid REFERENCES app_user (id),
  created_at         timestamptz NOT NULL,
  CHECK (kind <> 'adoption' OR platform_id IS NOT NULL),
  CHECK (kind <> 'justification' OR (reason IS NOT NULL AND platform_unfit IS NOT NULL
                                     AND cost_comparison IS NOT NULL))
);
CREATE INDEX local_system_resolution_system_idx ON local_system_resolution (local_system_id, created_at);

-- Runs of the background re-check: asked for (a full recompute) or noticed (a catalogue change).
CREATE TABLE local_system_check_run (
  id                  uuid PRIMARY KEY,
  kind                text NOT NULL CHECK (kind IN ('recheck', 'recompute')),
  status              text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  requested_by        uuid REFERENCES app_user (id),
  requested_at        timestamptz NOT NULL,
  started_at          timestamptz,
  finished_at         timestamptz,
  catalogue_revision  bigint,
  checked             integer NOT NULL DEFAULT 0,
  newly_overlapping   integer NOT NULL DEFAULT 0,
  error               text
);
CREATE INDEX local_system_check_run_requested_idx ON local_system_check_run (requested_at);
