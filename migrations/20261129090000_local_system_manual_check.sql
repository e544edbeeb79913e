-- "Check this system now" (issue 5): an officer or the authority asks for a check of one local
-- system against the catalogue and the overlap rules in force; its snapshot is marked `manual`.
-- The constraint is replaced, not edited in place: the shipped migration stays as it was.
ALTER TABLE local_system_check DROP CONSTRAINT local_system_check_trigger_check;
ALTER TABLE local_system_check ADD CONSTRAINT local_system_check_trigger_check
  CHECK (trigger IN ('record', 'edit', 'recheck', 'recompute', 'manual'));
