import type { FieldIssue } from './errors.ts';
import type { LinkKind, Organisation, OrganisationLink } from './organisation.ts';

/**
 * Recording a reorganisation (merger, absorption, renaming, split): which links it adds and
 * which bodies end the day before it takes effect. History is kept: nothing is deleted, the
 * former bodies stay with their dates and their platforms follow the links.
 */
export interface ReorganisationInput {
  kind: LinkKind;
  predecessorIds: string[];
  successorIds: string[];
  effectiveDate: string;
}

export interface ReorganisationPlan {
  links: { predecessorId: string; successorId: string }[];
  /** Predecessors that cease to exist: valid until the day before (an absorbing successor goes on). */
  ends: { organisationId: string; validTo: string }[];
  /** Successors that come into being on the date (a merger's or split's new bodies). */
  starts: { organisationId: string; validFrom: string }[];
}

export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const SHAPE: Record<LinkKind, { predecessors: [number, number]; successors: [number, number] }> = {
  merge: { predecessors: [2, Infinity], successors: [1, 1] },
  absorb: { predecessors: [1, Infinity], successors: [1, 1] },
  rename: { predecessors: [1, 1], successors: [1, 1] },
  split: { predecessors: [1, 1], successors: [2, Infinity] },
};

/** Field issues, or the plan. `byId` holds every organisation; `links` the lineage so far. */
export function planReorganisation(
  input: ReorganisationInput,
  byId: ReadonlyMap<string, Organisation>,
  links: readonly OrganisationLink[],
): { issues: FieldIssue[] } | { plan: ReorganisationPlan; alreadyReorganised: string[] } {
  const issues: FieldIssue[] = [];
  const shape = SHAPE[input.kind];
  const count = (field: 'predecessors' | 'successors', n: number) => {
    const [min, max] = shape[field];
    if (n < min) issues.push({ field, code: 'too_small', params: { minimum: min } });
    if (n > max) issues.push({ field, code: 'too_big', params: { maximum: max } });
  };
  count('predecessors', new Set(input.predecessorIds).size);
  count('successors', new Set(input.successorIds).size);
  input.successorIds.forEach((id, i) => {
    if (input.predecessorIds.includes(id))
      issues.push({ field: `successors[${i}]`, code: 'successor_in_predecessors' });
  });
  const before = dayBefore(input.effectiveDate);
  input.predecessorIds.forEach((id, i) => {
    const org = byId.get(id);
    if (org && org.validTo !== null && org.validTo < before)
      issues.push({ field: `predecessors[${i}]`, code: 'not_current' });
  });
  if (issues.length > 0) return { issues };
  // A body reorganised on or before this date already has its successor: record it once.
  const alreadyReorganised = input.predecessorIds.filter((id) =>
    links.some((l) => l.predecessorId === id && l.effectiveDate <= input.effectiveDate),
  );
  const continuing = input.kind === 'absorb' ? new Set(input.successorIds) : new Set<string>();
  return {
    alreadyReorganised,
    plan: {
      links: input.predecessorIds.flatMap((p) =>
        input.successorIds.map((s) => ({ predecessorId: p, successorId: s })),
      ),
      ends: input.predecessorIds
        .filter((id) => !continuing.has(id))
        .filter((id) => {
          const validTo = byId.get(id)?.validTo ?? null;
          return validTo === null || validTo > before;
        })
        .map((organisationId) => ({ organisationId, validTo: before })),
      starts:
        input.kind === 'absorb'
          ? []
          : input.successorIds
              .filter((id) => {
                const from = byId.get(id)?.validFrom ?? null;
                return from === null || from > input.effectiveDate;
              })
              .map((organisationId) => ({ organisationId, validFrom: input.effectiveDate })),
    },
  };
}
