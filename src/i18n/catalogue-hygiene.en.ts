import type { CatalogueHygieneMessages } from './catalogue-hygiene.vi.ts';

/** The catalogue hygiene page for the authority (English, second). */
export const catalogueHygieneEn: CatalogueHygieneMessages = {
  title: 'Near-duplicate catalogue entries',
  lead: 'Pairs of catalogue entries whose content is very alike: possibly one platform recorded twice. Review each pair to merge or link the entries, or mark it “not a duplicate” so it is no longer listed here.',
  summary:
    '{count} pairs at or above similarity {threshold} (catalogue revision {catalogue}, rules version {rules}).',
  none: 'No pairs to review.',
  csv: 'Download the list (CSV)',
  score: 'Similarity',
  entryA: 'First entry',
  entryB: 'Second entry',
  reasons: 'Why they look alike',
  owner: 'Owner: {owner}',
  ownerUnknown: 'not known',
  action: 'Action',
  note: 'Note (optional)',
  dismiss: 'Not a duplicate',
  dismissedHeading: 'Marked not a duplicate ({count})',
  dismissedOn: 'Marked on {date}',
  restore: 'List for review again',
  signIn: {
    title: 'Sign-in required',
    body: 'This page is for staff of the catalogue authority. Please sign in with the account you were given.',
  },
  forbidden: {
    title: 'Not allowed',
    body: 'This page is for reviewers and administrators of the catalogue authority.',
  },
};
