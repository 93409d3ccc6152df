// Text direction for text that comes from files (titles, tags, genres, file names, messages quoting them). A title is
// shown inside <bdi>: its own characters kept, its direction isolated, so an RTL override in it cannot reorder the
// year, the stars or the sentence around it. A sentence that quotes a title (an import note, an error naming a line)
// cannot isolate a part of itself, so the explicit direction controls are taken out of it: the words stay, in order.

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** `text` without explicit direction controls (for sentences that quote text from a file). */
export function withoutBidiControls(text: string): string {
  return text.replace(CONTROLS, '');
}
