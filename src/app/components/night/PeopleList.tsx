// Who is coming to movie night: you first, then each person added, renamed in place or removed.
import type { GroupMember } from '../../../client/workerTypes';
import { count } from '../../format';

export interface Person {
  id: number;
  member: GroupMember;
}

const fromText: Record<GroupMember['from'], string> = { me: 'your ratings', 'taste-code': 'taste code', backup: 'backup file' };

export function PeopleList(props: { me: string; myRatings: number; people: Person[]; summary: { known: number; unknown: number }[] | null; onRename: (id: number, name: string) => void; onRemove: (id: number) => void }) {
  return (
    <ul className="night-people" data-testid="night-people">
      <li>
        <span className="night-person-name">{props.me}</span> <span className="muted">(you, {count(props.myRatings, 'rating')})</span>
      </li>
      {props.people.map((p, k) => {
        const unknown = props.summary?.[k + 1]?.unknown ?? 0;
        return (
          <li key={p.id} data-testid="night-person">
            <input type="text" className="night-person-name" value={p.member.name} maxLength={40} onChange={(e) => props.onRename(p.id, e.target.value)} aria-label={`Name of person ${k + 2}`} />
            <span className="muted">
              {count(p.member.ratings.length, 'rating')} from their {fromText[p.member.from]}
              {unknown > 0 ? `; ${count(unknown, 'movie')} of theirs not in this dataset` : ''}
            </span>
            <button type="button" onClick={() => props.onRemove(p.id)} aria-label={`Remove ${p.member.name || `person ${k + 2}`}`}>
              Remove
            </button>
          </li>
        );
      })}
    </ul>
  );
}
