// The ranked list's choices in the settings (issue 12): sort and switches kept, checked field by field; older backups' list choice still read.
import { describe, expect, test } from 'vitest';
import { parseSettings } from '../../../src/engine/backupSettings';

const fail = (what: string): never => {
  throw new Error(what);
};

describe('list settings', () => {
  test('sort and the three switches come back as they were; an older backup\'s rankBy is still read', () => {
    const recommendations = { minCount: 25, sortBy: 'predicted' as const, gems: true, recency: false, diversity: true };
    expect(parseSettings({ recommendations }, fail)).toEqual({ recommendations });
    expect(parseSettings({ recommendations: { rankBy: 'implicit' } }, fail)).toEqual({ recommendations: { rankBy: 'implicit' } });
  });

  test.each([
    [{ sortBy: 'stars' }, 'settings.recommendations.sortBy: expected "best" or "predicted", found "stars"'],
    [{ gems: 1 }, 'settings.recommendations.gems: expected true or false, found 1'],
    [{ recency: 'yes' }, 'settings.recommendations.recency: expected true or false, found "yes"'],
    [{ diversity: null }, 'settings.recommendations.diversity: expected true or false, found null'],
  ])('refuses %j, naming the field', (recommendations, message) => {
    expect(() => parseSettings({ recommendations }, fail)).toThrow(message);
  });
});
