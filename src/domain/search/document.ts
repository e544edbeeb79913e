import { cleanText } from '../text/vietnamese.ts';
import type { SearchDocument } from './types.ts';

/**
 * What the index stores of a document: a copy with every text cleaned (NFC, no controls, no lone
 * surrogates) and only the known fields, whatever the caller passed. Highlight offsets refer to
 * this copy, which for well-formed NFC input is the text as given.
 */

/**
 * Printable ASCII and precomposed Latin letters (Vietnamese included) are already clean NFC:
 * such text skips the three passes of cleanText, and it is nearly all a catalogue holds.
 */
function alreadyClean(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (
      c < 0x20 ? c !== 9 && c !== 10 : c >= 0x7f && (c < 0xa0 || (c > 0x24f && (c < 0x1e00 || c > 0x1eff)))
    ) {
      return false;
    }
  }
  return true;
}

function clean(value: string): string {
  return alreadyClean(value) ? value : cleanText(value);
}

function cleanList(values: unknown): string[] {
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string').map(clean) : [];
}

export function cleanDocument(doc: SearchDocument): SearchDocument {
  const f = doc.facets;
  const copy: SearchDocument = {
    id: String(doc.id),
    name: clean(String(doc.name ?? '')),
    nameEn: doc.nameEn ? clean(String(doc.nameEn)) : null,
    aliases: cleanList(doc.aliases),
    description: clean(String(doc.description ?? '')),
    keywords: cleanList(doc.keywords),
    functions: cleanList(doc.functions),
    ownerNames: cleanList(doc.ownerNames),
    editions: cleanList(doc.editions),
    facets: {
      owner: f?.owner ?? null,
      kind: f?.kind ?? '',
      scope: f?.scope ?? '',
      status: f?.status ?? null,
      editions: cleanList(f?.editions),
      ndxp: f?.ndxp ?? '',
      ndop: f?.ndop ?? '',
    },
  };
  if (typeof doc.sortName === 'string') copy.sortName = clean(doc.sortName);
  return copy;
}
