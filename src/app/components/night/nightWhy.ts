// Why a movie is on the group's list, in words: where it stands for each person among the movies nobody has seen.
import { thousands } from '../../format';

const names = (list: string[]): string => (list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);

/**
 * One line from each person's place for the movie (1 = their best of `candidates`): "High for everyone" when it is in
 * everyone's top 2 %, "Mostly for Sam" when one person ranks it at least ten times higher than another, else "Good for
 * everyone"; then the places ("your #3, Sam’s #12 of 1,043"). `members[0]` is the person using the app.
 */
export function whyText(members: readonly { name: string; rank: number }[], candidates: number): string {
  const ranks = members.map((m) => m.rank);
  const best = ranks.indexOf(Math.min(...ranks));
  const worst = Math.max(...ranks);
  const who = (k: number) => (k === 0 ? 'you' : members[k].name);
  const lead = worst <= Math.max(1, 0.02 * candidates) ? 'High for everyone' : ranks[best] * 10 <= worst ? `Mostly for ${who(best)}` : 'Good for everyone';
  const places = names(members.map((m, k) => `${k === 0 ? 'your' : `${m.name}’s`} #${thousands(m.rank)}`));
  return `${lead}: ${places} of ${thousands(candidates)}`;
}
