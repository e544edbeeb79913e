-- A dictionary term the authority removed stays as a tombstone (removed_at set), so the seed, which
-- runs at every start and skips terms already present, does not bring it back.
ALTER TABLE term ADD COLUMN removed_at timestamptz;
