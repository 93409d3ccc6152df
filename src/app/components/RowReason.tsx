// Why a row is in the list, in words: the ratings that carry it, or what outweighs them (see RowReason in the worker API).
import type { RowReason as Reason } from '../../client/workerTypes';
import { TitleList } from './FileText';

/** The sentence for a reason that is not the person's ratings. */
export const GENERAL_REASONS: Record<Exclude<Reason['kind'], 'ratings'>, string> = {
  taste: 'Popular with people who share your taste',
  newer: 'A newer film liked by people who share your taste',
  overall: 'Rated highly by MovieLens users overall',
};

export function RowReason({ reason }: { reason: Reason }) {
  return (
    <p className="because" data-reason={reason.kind}>
      {reason.kind === 'ratings' ? (
        <>
          Because you rated <TitleList titles={reason.titles} />
        </>
      ) : (
        GENERAL_REASONS[reason.kind]
      )}
    </p>
  );
}
