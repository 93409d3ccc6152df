// The person's settings as kept in a backup: recommendation filters and list, onboarding view; each field checked and located.

export interface BackupSettings {
  recommendations?: {
    genre?: string | null;
    yearFrom?: number | null;
    yearTo?: number | null;
    /** Minimum number of MovieLens ratings a recommended movie has. */
    minCount?: number;
    /** Before the ranker (issue 12): predicted rating or "you'll likely watch"; read from older backups, no longer written. */
    rankBy?: 'explicit' | 'implicit';
    /** The list's order: "Best for you" (the ranker) or predicted rating (the star model). */
    sortBy?: 'best' | 'predicted';
    /** The ranked list's switches: hidden gems, newer films first, variety. */
    gems?: boolean;
    recency?: boolean;
    diversity?: boolean;
  };
  onboarding?: {
    /** Cards shown as a grid rather than one at a time. */
    grid?: boolean;
    /** The onboarding panel was closed. */
    dismissed?: boolean;
    /** movieIds answered "Haven't seen": never offered again. */
    notSeen?: number[];
  };
}

type Fail = (what: string) => never;

/** A movie id as a backup may hold it (a whole number from 0; ids past MovieLens' 9 digits are kept). */
export const isMovieId = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

const isYear = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 1800 && (x as number) <= 2200;

function object(x: unknown, at: string, fail: Fail): Record<string, unknown> {
  if (!x || typeof x !== 'object' || Array.isArray(x)) fail(`${at}: expected an object`);
  return x as Record<string, unknown>;
}

/** Copies the known fields that are present, after checking each; unknown fields are dropped (a newer app may add some). */
export function parseSettings(value: unknown, fail: Fail): BackupSettings {
  const s = object(value, 'settings', fail);
  const out: BackupSettings = {};
  if (s.recommendations !== undefined) {
    const r = object(s.recommendations, 'settings.recommendations', fail);
    const at = (f: string) => `settings.recommendations.${f}`;
    const recs: NonNullable<BackupSettings['recommendations']> = {};
    if (r.genre !== undefined) {
      if (r.genre !== null && (typeof r.genre !== 'string' || r.genre.length > 100)) fail(`${at('genre')}: expected a genre name or null, found ${JSON.stringify(r.genre)}`);
      recs.genre = r.genre as string | null;
    }
    for (const f of ['yearFrom', 'yearTo'] as const) {
      if (r[f] === undefined) continue;
      if (r[f] !== null && !isYear(r[f])) fail(`${at(f)}: expected a year from 1800 to 2200 or null, found ${JSON.stringify(r[f])}`);
      recs[f] = r[f] as number | null;
    }
    if (r.minCount !== undefined) {
      if (!Number.isInteger(r.minCount) || (r.minCount as number) < 0 || (r.minCount as number) > 1_000_000) fail(`${at('minCount')}: expected a whole number from 0, found ${JSON.stringify(r.minCount)}`);
      recs.minCount = r.minCount as number;
    }
    if (r.rankBy !== undefined) {
      if (r.rankBy !== 'explicit' && r.rankBy !== 'implicit') fail(`${at('rankBy')}: expected "explicit" or "implicit", found ${JSON.stringify(r.rankBy)}`);
      recs.rankBy = r.rankBy as 'explicit' | 'implicit';
    }
    if (r.sortBy !== undefined) {
      if (r.sortBy !== 'best' && r.sortBy !== 'predicted') fail(`${at('sortBy')}: expected "best" or "predicted", found ${JSON.stringify(r.sortBy)}`);
      recs.sortBy = r.sortBy as 'best' | 'predicted';
    }
    for (const f of ['gems', 'recency', 'diversity'] as const) {
      if (r[f] === undefined) continue;
      if (typeof r[f] !== 'boolean') fail(`${at(f)}: expected true or false, found ${JSON.stringify(r[f])}`);
      recs[f] = r[f] as boolean;
    }
    out.recommendations = recs;
  }
  if (s.onboarding !== undefined) {
    const o = object(s.onboarding, 'settings.onboarding', fail);
    const onboarding: NonNullable<BackupSettings['onboarding']> = {};
    for (const f of ['grid', 'dismissed'] as const) {
      if (o[f] === undefined) continue;
      if (typeof o[f] !== 'boolean') fail(`settings.onboarding.${f}: expected true or false, found ${JSON.stringify(o[f])}`);
      onboarding[f] = o[f] as boolean;
    }
    if (o.notSeen !== undefined) {
      if (!Array.isArray(o.notSeen)) fail('settings.onboarding.notSeen: expected a list of movie ids');
      const ids = o.notSeen as unknown[];
      ids.forEach((id, k) => {
        if (!isMovieId(id)) fail(`settings.onboarding.notSeen[${k}]: expected a whole number, found ${JSON.stringify(id)}`);
      });
      onboarding.notSeen = [...new Set(ids as number[])];
    }
    out.onboarding = onboarding;
  }
  return out;
}
