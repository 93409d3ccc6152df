// Finds a key that appears twice in one object of a JSON text (JSON.parse silently keeps the last): one pass, an explicit stack, no recursion.

export interface DuplicateKey {
  key: string;
  /** Where the object is: "" for the top level, else like "settings.onboarding" or "ratings[3]". */
  path: string;
}

interface Frame {
  object: boolean;
  /** Keys seen so far in this object. */
  keys: Set<string> | null;
  /** The object's current key, or the array's current index. */
  at: string | number;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

const QUOTE = 34;
const BACKSLASH = 92;

function pathOf(stack: Frame[]): string {
  let out = '';
  // The innermost frame is the object holding the duplicate: its own position is named by the frames outside it.
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i];
    out += f.object ? `${out ? '.' : ''}${String(f.at)}` : `[${String(f.at)}]`;
  }
  return out;
}

/**
 * The first key that repeats within one object, or null. `text` must be valid JSON (call after JSON.parse succeeded);
 * keys are compared decoded ("\u0072atings" is "ratings"), as JSON.parse compares them.
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const stack: Frame[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      let escaped = false;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i++;
        } else if (d === QUOTE) break;
      }
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        top.keys ??= new Set();
        if (top.keys.has(key)) return { key, path: pathOf(stack) };
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
    } else if (c === 123 /* { */) {
      stack.push({ object: true, keys: null, at: '', expectKey: true });
    } else if (c === 91 /* [ */) {
      stack.push({ object: false, keys: null, at: 0, expectKey: false });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top.object) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return null;
}
