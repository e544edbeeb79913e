import type { SearchMessages } from './search.vi.ts';

/** English texts of search (see search.vi.ts). */
export const searchEn: SearchMessages = {
  field: {
    no_letters: 'Needs letters or digits',
    same_as_term: 'Same as the term itself',
    duplicate: 'Repeated',
    term_exists: 'The dictionary already has this term with the same kind',
  },
  resource: {
    term: 'term',
  },
  results: {
    snippetLabel: 'Matching part of the description',
  },
};
