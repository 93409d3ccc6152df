// "Movie night": your taste code to share, 1–3 others from their codes or backup files, and the group's list by the
// average or least-misery rule with everyone's predicted stars. Others' ratings live in the page's memory (nightGroup:
// kept across screens, never stored).
import { useEffect, useRef, useState } from 'react';
import { files, serving } from '../../../client/engineClient';
import type { GroupMember, MyTasteCode, NightList } from '../../../client/workerTypes';
import { movieNightDefaults } from '../../../engine/defaults/movieNightDefaults';
import type { RatingsState } from '../../useRatings';
import { withoutBidiControls } from '../../bidi';
import { count } from '../../format';
import { MyCode } from './MyCode';
import { AddPerson, type PersonSource } from './AddPerson';
import { PeopleList } from './PeopleList';
import { nextPersonId, useNightGroup } from './nightGroup';
import { RuleSwitch } from './RuleSwitch';
import { GroupList } from './GroupList';
import './night.css';

const message = (e: unknown) => withoutBidiControls(e instanceof Error ? e.message : String(e));
/** The name a person is shown by: what was typed, else their place ("Person 2"). */
const shownName = (name: string, fallback: string) => name.trim() || fallback;

export function MovieNight({ mine, onOpen }: { mine: RatingsState; onOpen: (movieId: number) => void }) {
  const [myName, setMyName] = useNightGroup('myName');
  const [code, setCode] = useState<MyTasteCode | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [people, setPeople] = useNightGroup('people');
  const [adding, setAdding] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [rule, setRule] = useNightGroup('rule');
  const [list, setList] = useState<NightList | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const nextId = useRef(nextPersonId());
  const me = shownName(myName, 'You');

  // My code follows my ratings, hidden marks and name.
  useEffect(() => {
    let live = true;
    serving.api.myTasteCode(myName.trim() || undefined).then(
      (c) => live && (setCode(c), setCodeError(null)),
      (e: unknown) => live && setCodeError(`No code: ${message(e)}`),
    );
    return () => void (live = false);
  }, [myName, mine.version]);

  // The group's list follows the people, their names, the rule and my ratings.
  useEffect(() => {
    if (people.length === 0) return setList(null);
    let live = true;
    const others: GroupMember[] = people.map((p, k) => ({ ...p.member, name: shownName(p.member.name, `Person ${k + 2}`) }));
    serving.api.movieNight(others, rule, { myName: me }).then(
      (l) => live && (setList(l), setListError(null)),
      (e: unknown) => live && setListError(message(e)),
    );
    return () => void (live = false);
  }, [people, rule, me, mine.version]);

  const add = async (source: PersonSource, name: string): Promise<boolean> => {
    setAdding(true);
    setRefused(null);
    try {
      const member = await files.api.readMember(source, name);
      setPeople((ps) => [...ps, { id: nextId.current++, member }]);
      return true;
    } catch (e) {
      setRefused(`Not added: ${message(e)}`);
      return false;
    } finally {
      setAdding(false);
    }
  };

  const full = people.length >= movieNightDefaults.maxOthers;
  return (
    <div className="night" data-testid="movie-night">
      <section className="panel" aria-labelledby="night-h">
        <h2 id="night-h">Movie night</h2>
        <p>
          Movies for you and up to {movieNightDefaults.maxOthers} others, from their taste codes or backup files, leaving out anything one of
          you rated or hid.
        </p>
        <p className="night-private" data-testid="night-private">
          Nothing leaves this device: codes and files are read here, and nobody’s ratings are sent or stored (the group is kept
          while this page is open, and forgotten when it closes or reloads).
        </p>
      </section>
      <MyCode name={myName} onName={setMyName} code={code} error={codeError} />
      <section className="panel" aria-labelledby="night-people-h">
        <h2 id="night-people-h">Who’s coming ({people.length + 1})</h2>
        <PeopleList
          me={me}
          myRatings={mine.ratings.size}
          people={people}
          summary={list?.members ?? null}
          onRename={(id, name) => setPeople((ps) => ps.map((p) => (p.id === id ? { ...p, member: { ...p.member, name } } : p)))}
          onRemove={(id) => setPeople((ps) => ps.filter((p) => p.id !== id))}
        />
        <AddPerson busy={adding} full={full} nextName={`Person ${people.length + 2}`} error={refused} onAdd={add} />
      </section>
      <section className="panel" aria-labelledby="night-list-h">
        <h2 id="night-list-h">Tonight’s list</h2>
        <RuleSwitch value={rule} onChange={setRule} />
        {people.length === 0 && <p className="muted">Add at least one person to see the group’s list.</p>}
        {listError && (
          <p role="alert" className="error">
            {listError}
          </p>
        )}
        {list && people.length > 0 && (
          <>
            <p className="muted" data-testid="night-list-note">
              {count(list.rows.length, 'movie')} from {count(list.candidates, 'movie')} nobody rated or hid
              {list.minCount > 0 ? `, each with at least ${count(list.minCount, 'MovieLens rating')}` : ''}. Ranked by the{' '}
              {list.rankedBy === 'implicit' ? '“will watch” (implicit) model' : 'rating model'}; the stars are each person’s predicted rating.
            </p>
            {mine.ratings.size === 0 && <p className="muted">You have not rated anything yet, so the list follows the others only.</p>}
            <GroupList list={list} onOpen={onOpen} />
          </>
        )}
      </section>
    </div>
  );
}
