// Numbers as titles spell them (2, II, two, second) for search, and which typed numbers are plausible release years.

/** Sequel numbers search treats as one: 1 to 20 ("Friday the 13th Part VIII", "Saw VII", "Fast Five"). */
export const MAX_NUMERAL = 20;

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/** Every folded spelling of 1 … MAX_NUMERAL and its value: "2", "ii", "two", "second" → 2. */
const VALUES = new Map<string, number>();
for (let n = 1; n <= MAX_NUMERAL; n++) {
  for (const spelling of [String(n), ROMAN[n - 1], WORDS[n - 1], ORDINALS[n - 1]]) VALUES.set(spelling, n);
}

/** The longest spelling ("seventeenth"): longer words are never looked up. */
export const MAX_NUMERAL_LENGTH = Math.max(...[...VALUES.keys()].map((w) => w.length));

/** The number a folded word spells (1 … 20 as digits, a Roman numeral, a word or an ordinal), or null. */
export function numeralValue(word: string): number | null {
  return VALUES.get(word) ?? null;
}

/** Release years a typed number may mean: four digits from the first films (1870s) to 2100. */
export const YEAR_RANGE = { min: 1870, max: 2100 } as const;

/** The year a folded query word names ("1999"), or null: "2", "199" or "3000" are never years. */
export function plausibleYear(word: string): number | null {
  if (word.length !== 4) return null;
  for (let i = 0; i < 4; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const y = Number(word);
  return y >= YEAR_RANGE.min && y <= YEAR_RANGE.max ? y : null;
}
