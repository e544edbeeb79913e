import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeDirectory } from './catalogue.ts';
import { CHANGE_REQUEST_STATUSES, type ChangeRequestStatus } from './change-request.ts';
import type { Organisation, OrganisationLink } from './organisation.ts';
import { ACTIONS, actorFor, can, type Action, type Actor, type ActionTargets } from './permission.ts';
import type { Role } from './user.ts';

// A small lineage like the real one: Bộ KH&ĐT merged into Bộ Tài chính, Bộ TT&TT into Bộ KH&CN
// (01/03/2025); Tỉnh Hà Giang merged into Tỉnh Tuyên Quang (01/07/2025).
const org = (id: string, level: Organisation['level'], validTo: string | null = null): Organisation => ({
  id,
  code: id,
  name: id,
  nameEn: null,
  kind: level === 'central' ? 'ministry' : 'province',
  level,
  validFrom: null,
  validTo,
  sourceUrl: null,
  note: null,
});
const link = (predecessorId: string, successorId: string, effectiveDate: string): OrganisationLink => ({
  id: `${predecessorId}>${successorId}`,
  predecessorId,
  successorId,
  kind: 'absorb',
  effectiveDate,
  legalBasis: null,
  sourceUrl: null,
});
const directory = makeDirectory(
  [
    org('bkhcn', 'central'),
    org('btttt', 'central', '2025-02-28'),
    org('btc', 'central'),
    org('bkhdt', 'central', '2025-02-28'),
    org('bca', 'central'),
    org('tuyen-quang', 'province'),
    org('ha-giang', 'province', '2025-06-30'),
    org('ha-noi', 'province'),
  ],
  [
    link('btttt', 'bkhcn', '2025-03-01'),
    link('bkhdt', 'btc', '2025-03-01'),
    link('ha-giang', 'tuyen-quang', '2025-07-01'),
  ],
);
const TODAY = '2026-11-29';

type Letter = 'A' | 'R' | 'E' | 'L';
const ROLE_OF: Record<Letter, Role> = {
  A: 'authority_admin',
  R: 'authority_reviewer',
  E: 'ministry_editor',
  L: 'locality_officer',
};
// Each actor's own body and one of its predecessors; "other" is a body unrelated to any of them.
const HOME: Record<Letter, { own: string; predecessor: string }> = {
  A: { own: 'bkhcn', predecessor: 'btttt' },
  R: { own: 'bkhcn', predecessor: 'btttt' },
  E: { own: 'btc', predecessor: 'bkhdt' },
  L: { own: 'tuyen-quang', predecessor: 'ha-giang' },
};
const OTHER = 'bca';
const OTHER_LOCALITY = 'ha-noi';
const LETTERS = Object.keys(ROLE_OF) as Letter[];
const actors = Object.fromEntries(
  LETTERS.map((l) => [
    l,
    actorFor({ id: `user-${l}`, role: ROLE_OF[l], organisationId: HOME[l].own }, directory, TODAY),
  ]),
) as Record<Letter, Actor>;
type Relation = 'own' | 'predecessor' | 'other';
const RELATIONS: Relation[] = ['own', 'predecessor', 'other'];
const orgFor = (l: Letter, r: Relation, other = OTHER) => (r === 'other' ? other : HOME[l][r]);

/**
 * The expected matrix, written out rather than computed: for change requests, per relation of
 * the request's owner to the actor, the roles allowed in each status, in the order
 *   draft  submitted  changes_requested  resubmitted  approved  rejected  withdrawn
 * (the owner's family is "own" and "predecessor" alike, so one row covers both).
 */
const CHANGE_REQUEST_MATRIX: Record<string, { family: string[]; other: string[] }> = {
  'change_request.read': {
    family: ['E', 'ARE', 'ARE', 'ARE', 'ARE', 'ARE', 'ARE'],
    other: ['', 'AR', 'AR', 'AR', 'AR', 'AR', 'AR'],
  },
  'change_request.edit': { family: ['E', '', 'E', '', '', '', ''], other: ['', '', '', '', '', '', ''] },
  'change_request.submit': { family: ['E', '', 'E', '', '', '', ''], other: ['', '', '', '', '', '', ''] },
  'change_request.withdraw': {
    family: ['E', 'E', 'E', 'E', '', '', ''],
    other: ['', '', '', '', '', '', ''],
  },
  'change_request.comment': {
    family: ['E', 'ARE', 'ARE', 'ARE', '', '', ''],
    other: ['', 'AR', 'AR', 'AR', '', '', ''],
  },
  'change_request.decide': {
    family: ['', 'AR', '', 'AR', '', '', ''],
    other: ['', 'AR', '', 'AR', '', '', ''],
  },
};

/** The other actions: per relation of the target to the actor, the roles allowed. */
const OTHER_MATRIX: Partial<Record<Action, Record<Relation, string>>> = {
  'platform.propose_change': { own: 'E', predecessor: 'E', other: '' },
  'platform.propose_new': { own: 'E', predecessor: '', other: '' },
  'locality_record.read': { own: 'ARL', predecessor: 'ARL', other: 'AR' },
  'locality_record.manage': { own: 'L', predecessor: 'L', other: '' },
  'platform.confirm': { own: 'E', predecessor: 'E', other: '' },
  'locality_record.review': { own: 'AR', predecessor: 'AR', other: 'AR' },
  'declaration.read': { own: 'ARE', predecessor: 'ARE', other: 'AR' },
  'locality_record.check': { own: 'ARL', predecessor: 'ARL', other: 'AR' },
};
const GLOBAL_MATRIX: Partial<Record<Action, string>> = {
  'catalogue.read': 'ARLE',
  'review_queue.read': 'AR',
  'user.manage': 'A',
  'organisation.manage': 'A',
  'edition.manage': 'A',
  'holiday.manage': 'A',
  'audit.read': 'AR',
  'term.manage': 'A',
  'webhook.manage': 'A',
  'declarations.read': 'AR',
  'overlap_report.read': 'AR',
  'overlap_report.recompute': 'AR',
  'overlap_rules.manage': 'A',
  'catalogue_hygiene.read': 'AR',
  'catalogue_hygiene.manage': 'AR',
};

function targetFor(
  action: Action,
  ownerId: string,
  status: ChangeRequestStatus = 'draft',
  authorId = 'someone',
) {
  if (action.startsWith('change_request.')) return { kind: 'change_request', ownerId, authorId, status };
  if (action === 'platform.propose_change' || action === 'platform.confirm')
    return { kind: 'platform', ownerId };
  if (action === 'platform.propose_new') return { kind: 'new_platform', ownerId };
  if (action.startsWith('locality_record.')) return { kind: 'locality_record', localityId: ownerId };
  if (action === 'declaration.read') return { kind: 'declaration', organisationId: ownerId };
  const kinds: Record<string, string> = {
    'catalogue.read': 'catalogue',
    'review_queue.read': 'review_queue',
    'audit.read': 'audit_log',
  };
  return { kind: kinds[action] ?? action.split('.')[0] };
}
const check = (actor: Actor | null, action: Action, target: unknown) =>
  can(actor, action, target as ActionTargets[typeof action]);

describe('can: the whole permission matrix', () => {
  it('covers every action in exactly one table', () => {
    const covered = [
      ...Object.keys(CHANGE_REQUEST_MATRIX),
      ...Object.keys(OTHER_MATRIX),
      ...Object.keys(GLOBAL_MATRIX),
    ].sort();
    assert.deepEqual(covered, [...ACTIONS].sort());
  });

  for (const [action, rows] of Object.entries(CHANGE_REQUEST_MATRIX) as [
    Action,
    { family: string[]; other: string[] },
  ][]) {
    it(`${action}: every role × owner relation × status`, () => {
      for (const letter of LETTERS)
        for (const relation of RELATIONS)
          CHANGE_REQUEST_STATUSES.forEach((status, i) => {
            const expected = (relation === 'other' ? rows.other : rows.family)[i]?.includes(letter) ?? false;
            const target = targetFor(action, orgFor(letter, relation), status);
            assert.equal(check(actors[letter], action, target), expected, `${letter} ${relation} ${status}`);
            assert.equal(check(null, action, target), false, `anonymous ${status}`);
          });
    });
  }

  for (const [action, row] of Object.entries(OTHER_MATRIX) as [Action, Record<Relation, string>][]) {
    it(`${action}: every role × target relation`, () => {
      const other = action.startsWith('locality_record.') ? OTHER_LOCALITY : OTHER;
      for (const letter of LETTERS)
        for (const relation of RELATIONS) {
          const target = targetFor(action, orgFor(letter, relation, other));
          assert.equal(
            check(actors[letter], action, target),
            row[relation].includes(letter),
            `${letter} ${relation}`,
          );
          assert.equal(check(null, action, target), false, 'anonymous');
        }
    });
  }

  for (const [action, allowed] of Object.entries(GLOBAL_MATRIX) as [Action, string][]) {
    it(`${action}: every role`, () => {
      for (const letter of LETTERS)
        assert.equal(
          check(actors[letter], action, targetFor(action, OTHER)),
          allowed.includes(letter),
          letter,
        );
      assert.equal(check(null, action, targetFor(action, OTHER)), action === 'catalogue.read', 'anonymous');
    });
  }

  it('a successor ministry inherits its predecessors’ platforms, and not the other way round', () => {
    const finance = actors.E;
    assert.ok(finance.organisationFamily.has('bkhdt'));
    const planning = actorFor(
      { id: 'u', role: 'ministry_editor', organisationId: 'bkhdt' },
      directory,
      '2025-01-15',
    );
    assert.equal(can(planning, 'platform.propose_change', { kind: 'platform', ownerId: 'bkhdt' }), true);
    assert.equal(can(planning, 'platform.propose_change', { kind: 'platform', ownerId: 'btc' }), false);
  });

  it('nobody proposes changes to a platform whose owner is not known', () => {
    for (const letter of LETTERS)
      assert.equal(
        can(actors[letter], 'platform.propose_change', { kind: 'platform', ownerId: null }),
        false,
      );
    for (const letter of LETTERS)
      assert.equal(can(actors[letter], 'platform.confirm', { kind: 'platform', ownerId: null }), false);
  });

  it('nobody decides a request they wrote', () => {
    for (const letter of ['A', 'R'] as const) {
      const target = targetFor('change_request.decide', OTHER, 'submitted', actors[letter].userId);
      assert.equal(check(actors[letter], 'change_request.decide', target), false);
    }
  });

  it('users of a body that no longer exists keep their reads and lose every write', () => {
    const former = actorFor({ id: 'u', role: 'ministry_editor', organisationId: 'bkhdt' }, directory, TODAY);
    assert.equal(former.organisationActive, false);
    const draft = targetFor('change_request.read', 'bkhdt', 'draft');
    assert.equal(check(former, 'change_request.read', draft), true);
    assert.equal(check(former, 'change_request.edit', draft), false);
    assert.equal(can(former, 'platform.propose_change', { kind: 'platform', ownerId: 'bkhdt' }), false);
    const admin = actorFor({ id: 'a', role: 'authority_admin', organisationId: 'btttt' }, directory, TODAY);
    assert.equal(can(admin, 'audit.read', { kind: 'audit_log' }), true);
    assert.equal(can(admin, 'user.manage', { kind: 'user' }), false);
  });

  it('an actor whose organisation is unknown has no family beyond itself and writes nothing', () => {
    const ghost = actorFor({ id: 'g', role: 'ministry_editor', organisationId: 'nowhere' }, directory, TODAY);
    assert.equal(can(ghost, 'platform.propose_change', { kind: 'platform', ownerId: 'nowhere' }), false);
  });
});
