// The movie night's group for as long as the page is open: kept in memory while the person switches screens (their
// own name, the others, the rule), never written anywhere; a reload or a closed tab forgets the others' ratings.
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { GroupRule } from '../../../client/workerTypes';
import type { Person } from './PeopleList';

export interface NightGroup {
  myName: string;
  people: Person[];
  rule: GroupRule;
}

let kept: NightGroup = { myName: '', people: [], rule: 'misery' };

/** One part of the group as React state that outlives the screen: read when the screen opens, kept as it changes. */
export function useNightGroup<K extends keyof NightGroup>(key: K): [NightGroup[K], Dispatch<SetStateAction<NightGroup[K]>>] {
  const [value, setValue] = useState<NightGroup[K]>(() => kept[key]);
  useEffect(() => {
    kept = { ...kept, [key]: value };
  }, [key, value]);
  return [value, setValue];
}

/** The next person's id: above every id kept, so a person added after coming back never takes a kept one's. */
export const nextPersonId = (): number => Math.max(0, ...kept.people.map((p) => p.id)) + 1;
