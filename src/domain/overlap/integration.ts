import type { Segment } from './segments.ts';
import { matchedWords } from './similarity.ts';
import { hasDiacritics, indexOfPhrase, startsWith, type Syllable } from './tokenize.ts';

/**
 * A part of a proposal that connects to or uses a platform ("Kết nối với Cổng Dịch vụ công quốc
 * gia", "Xác thực người dùng qua VNeID") names it without rebuilding it: its evidence can make
 * the platform related, never an overlap.
 */

/** A marker phrase, folded, with the exact form of a one-syllable marker ("dùng" is not "dụng"). */
export interface FoldedMarker {
  folded: string[];
  exact: string | null;
}

function findMarker(syllables: readonly Syllable[], marker: FoldedMarker, diacritics: boolean): number {
  const folded = syllables.map((x) => x.folded);
  for (
    let i = indexOfPhrase(folded, marker.folded);
    i >= 0;
    i = indexOfPhrase(folded, marker.folded, i + 1)
  ) {
    if (!diacritics || marker.exact === null || syllables[i]!.exact === marker.exact) return i;
  }
  return -1;
}

/**
 * Where each proposal part says it connects to something ("kết nối với", "sử dụng"): the
 * syllable index just after the marker, or -1. A part that names a catalogue platform after a
 * connecting word ("Xác thực người dùng qua VNeID") is about using it as a whole: 0. Naming it
 * first is building it: "Xây dựng nền tảng dạy học trực tuyến … trên địa bàn tỉnh".
 */
export function integrationStarts(
  segments: readonly Segment[],
  markers: readonly FoldedMarker[],
  mentionMarkers: readonly FoldedMarker[] = [],
  mentions: ReadonlyMap<string, readonly string[][]> = new Map(),
): Map<Segment, number> {
  const starts = new Map<Segment, number>();
  for (const s of segments) {
    const syllables = s.analysed.syllables;
    const diacritics = hasDiacritics(syllables);
    const folded = syllables.map((x) => x.folded);
    let at = -1;
    for (const m of markers) {
      const i = findMarker(syllables, m, diacritics);
      if (i >= 0 && (at < 0 || i + m.folded.length < at)) at = i + m.folded.length;
    }
    const named = folded.findIndex((f, i) => mentions.get(f)?.some((name) => startsWith(folded, i, name)));
    if (named > 0) {
      const before = mentionMarkers.some((m) => {
        const i = findMarker(syllables, m, diacritics);
        return i >= 0 && i < named;
      });
      if (before) at = 0;
    }
    starts.set(s, at);
  }
  return starts;
}

/** Most of the matched words come after the marker: the part is about using the platform. */
const INTEGRATION_SHARE = 0.6;

export function isIntegration(e: { proposal: Segment; platform: Segment }, start: number): boolean {
  if (start < 0) return false;
  const { positions } = matchedWords(
    e.proposal.vector,
    e.proposal.analysed.syllables,
    e.proposal.analysed.mults,
    e.platform.vector,
  );
  const mults = e.proposal.analysed.mults;
  let after = 0;
  let all = 0;
  for (const i of positions) {
    all += mults[i]!;
    if (i >= start) after += mults[i]!;
  }
  return all > 0 && after / all >= INTEGRATION_SHARE;
}
