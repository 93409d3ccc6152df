// The taste map's colour bins for the person's ratings: five bins of two half-star values each, so every rating
// 0.5–5 falls in exactly one bin, and the legend names each bin's own values (no shared bounds).

/** The bins, low to high: bin b holds the ratings b − 0.5 and b (bin 1 holds 0.5 and 1). */
export const STAR_BINS = [1, 2, 3, 4, 5] as const;

/** The bin of a rating: its value rounded up to whole stars, within 1..5. */
export const starBin = (rating: number): number => Math.min(5, Math.max(1, Math.ceil(rating)));

/** Colour class of a rating (TasteMap.css: orange for low, a reddish purple for the middle, blue for high). */
export const starClass = (rating: number): string => `star-${starBin(rating)}`;

/** The legend's words for a bin: "0.5–1 stars", "1.5–2 stars", … "4.5–5 stars". */
export const binLabel = (bin: number): string => `${bin - 0.5}–${bin} stars`;
