import { analyseText, type AnalysedText } from './analyse.ts';
import type { PlatformPart, ProposalPart } from './rules.ts';
import type { TextModel } from './text-model.ts';
import { weigh, type TextVector, type Vocabulary } from './weights.ts';

/**
 * A part of a proposal or a platform compared on its own: the name, each function, each data
 * item, each sentence of a description. Matching part by part is what lets one function of a
 * large provincial system ("họp trực tuyến") be recognised as a national platform, where a
 * whole-text comparison would drown it in the rest.
 */
export interface Segment<Part extends string = ProposalPart | PlatformPart> {
  part: Part;
  /** Position among the parts of its kind (function 0, 1 …). */
  index: number;
  text: string;
  analysed: AnalysedText;
  vector: TextVector;
}

/** Bounds on the parts read from one proposal or platform, whatever the input holds. */
export const MAX_LIST_ITEMS = 200;
export const MAX_SENTENCES = 30;

const SENTENCE_END = /[.;!?\n\r•]+|\s[-–—]\s|\s\+\s/;

/** The sentences (clauses) of a description, in order, without empty ones. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.slice(0, 20_000).split(SENTENCE_END)) {
    const sentence = piece.trim();
    if (sentence !== '') out.push(sentence);
    if (out.length >= MAX_SENTENCES) break;
  }
  return out;
}

export interface SegmentSource<Part extends string> {
  part: Part;
  texts: readonly string[];
}

export function analyseParts<Part extends string>(
  sources: readonly SegmentSource<Part>[],
  model: TextModel,
): { part: Part; index: number; text: string; analysed: AnalysedText }[] {
  const out: { part: Part; index: number; text: string; analysed: AnalysedText }[] = [];
  for (const source of sources) {
    source.texts.slice(0, MAX_LIST_ITEMS).forEach((text, index) => {
      if (typeof text !== 'string' || text.trim() === '') return;
      out.push({ part: source.part, index, text, analysed: analyseText(text, model) });
    });
  }
  return out;
}

/**
 * Weighs each part. The look-up keys of the analysis are then dropped (`slim`): the vector
 * holds them as ids, and a catalogue keeps thousands of segments.
 */
export function weighParts<Part extends string>(
  parts: readonly { part: Part; index: number; text: string; analysed: AnalysedText }[],
  vocabulary: Vocabulary,
  slim = false,
): Segment<Part>[] {
  return parts
    .map((p) => {
      const vector = weigh(p.analysed, vocabulary);
      const analysed = slim
        ? { ...p.analysed, groups: p.analysed.groups.map((g) => ({ ...g, alts: [], emits: [] })) }
        : p.analysed;
      return { ...p, analysed, vector };
    })
    .filter((s) => s.vector.total > 0);
}
