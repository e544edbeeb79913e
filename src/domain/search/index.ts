/**
 * Catalogue search: an in-memory index over platform entries that reads Vietnamese the way
 * people type it (with or without diacritics, abbreviations, synonyms, small typos).
 * Pure domain code: no I/O; the dictionary and documents are handed in.
 */
export { createSearchIndex, type SearchIndexOptions } from './engine.ts';
export { catalogueSearchDocuments, currentOwner, type CatalogueSource } from './catalogue.ts';
export { evaluate, type EvalCase, type EvalReport } from './evaluate.ts';
export * from './types.ts';
