import type { Marker, TextModel } from './text-model.ts';
import { startsWith, type Syllable } from './tokenize.ts';

/**
 * Position-level weighting beyond the generic table: place names (a province, or a capitalised
 * name after "xã", "phường" …) weigh nothing, and after "cho", "của" … the rest of a clause says
 * for whom or whose, so it weighs less.
 */

/** A run of capitalised syllables after "tỉnh", "xã" …, at most this long, is a place name. */
const MAX_PLACE_RUN = 4;

export function markPlaces(
  model: TextModel,
  syllables: readonly Syllable[],
  folded: readonly string[],
  diacritics: boolean,
): boolean[] {
  const place = new Array<boolean>(folded.length).fill(false);
  // In Title Case Text Every Word Is Capitalised, so capitals say nothing about names there.
  const capitals = syllables.filter((s) => s.capitalised).length;
  const capitalRuns = capitals <= syllables.length * 0.6;
  for (let i = 0; i < folded.length; i++) {
    const name = model.places.get(folded[i]!)?.find((p) => startsWith(folded, i, p));
    if (name) {
      place.fill(true, i, i + name.length);
      // "tinh Lang Son" typed bare: before a known place, "tinh" is surely "tỉnh".
      for (const m of model.placeMarkers.values()) {
        const marker = m.find(
          (x) => i >= x.syllables.length && startsWith(folded, i - x.syllables.length, x.syllables),
        );
        if (marker) place.fill(true, i - marker.syllables.length, i);
      }
      i += name.length - 1;
      continue;
    }
    if (!capitalRuns) continue;
    const marker = model.placeMarkers
      .get(folded[i]!)
      ?.find(
        (m) =>
          startsWith(folded, i, m.syllables) &&
          (!diacritics || syllables[i]!.exact === (m.exact ?? m.syllables[0])),
      );
    if (!marker) continue;
    let j = i + marker.syllables.length;
    const end = Math.min(folded.length, j + MAX_PLACE_RUN);
    while (j < end && syllables[j]!.capitalised && !syllables[j]!.breakBefore) place[j++] = true;
  }
  return place;
}

function matchesMarker(
  syllables: readonly Syllable[],
  folded: readonly string[],
  at: number,
  marker: Marker,
  diacritics: boolean,
): boolean {
  if (!startsWith(folded, at, marker.syllables)) return false;
  return (
    !diacritics ||
    marker.syllables.length > 1 ||
    syllables[at]!.exact === (marker.exact ?? marker.syllables[0])
  );
}

/** After "cho", "của" … the rest of the clause says for whom or whose: it weighs less. */
export function reduceModifiers(
  model: TextModel,
  syllables: readonly Syllable[],
  folded: readonly string[],
  mults: number[],
  diacritics: boolean,
): void {
  let reducing = false;
  for (let i = 0; i < syllables.length; i++) {
    if (syllables[i]!.breakBefore) reducing = false;
    if (reducing) mults[i]! *= model.modifierWeight;
    else if (
      model.modifiers.get(folded[i]!)?.some((m) => matchesMarker(syllables, folded, i, m, diacritics))
    ) {
      reducing = true;
    }
  }
}
