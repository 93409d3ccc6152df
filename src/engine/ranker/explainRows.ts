// "Because you rated …" for every row of both lists: exact shares per rating plus the row's non-personal part.
import type { AlsModel } from '../types';
import { explainScores, type Contribution } from '../als/explain';
import { easeWeight, type Profile, type RankerModel } from './ranker';
import type { RankedRow } from './rankList';

export type { Contribution };

/**
 * One row's score taken apart: score = constant + general + Σ shares, exactly (to float rounding).
 * constant is the same for every movie (μ for predicted stars, 0 for the ranker); general is the movie's own part,
 * the same whoever asks (its bias for stars; the hidden-gems and recency adjustments for the ranker); each share is
 * what one of the person's ratings adds, largest first.
 */
export interface RowExplanation {
  item: number;
  score: number;
  constant: number;
  general: number;
  shares: Contribution[];
}

/**
 * The ranker's rows: each rating j's share of row t is x_j·B[j, t] (EASE, Steck 2019: the score is that sum) plus
 * blend × c_j·q_tᵀA⁻¹q_j (iALS fold-in, Hu et al. 2008), so the shares add up to the personal score.
 */
export function explainRanked(model: RankerModel, profile: Profile, rows: readonly RankedRow[]): RowExplanation[] {
  const targets = rows.map((r) => r.item);
  const ials = explainScores(model.ials, profile.items, profile.stars, targets);
  const { ease, params } = model;
  const weight = easeWeight(params.easeInput);
  return rows.map((row, k) => {
    const t = ease ? ease.slot[row.item] : -1;
    const K = ease ? ease.items.length : 0;
    const shares = ials[k].map((c) => {
      const j = ease ? ease.slot[c.item] : -1;
      const e = t >= 0 && j >= 0 ? weight(profile.stars[c.index]) * ease!.B[j * K + t] : 0;
      return { index: c.index, item: c.item, share: e + params.blend * c.share };
    });
    shares.sort((a, b) => b.share - a.share || a.index - b.index);
    return { item: row.item, score: row.personal + row.general, constant: 0, general: row.general, shares };
  });
}

/**
 * The predicted-stars rows (explicit model): r̂ = μ + b_t + (b_u + p_u·q_t), the last part split exactly over the
 * ratings by explain.ts; the score is the unclamped prediction.
 */
export function explainByStars(model: AlsModel, profile: Profile, items: readonly number[]): RowExplanation[] {
  if (model.params.objective === 'implicit') throw new RangeError('explainByStars needs the explicit (stars) model');
  const all = explainScores(model, profile.items, profile.stars, [...items]);
  return items.map((item, k) => {
    const shares = all[k];
    let personal = 0;
    for (const c of shares) personal += c.share;
    const general = model.itemBias[item];
    return { item, score: model.mu + general + personal, constant: model.mu, general, shares };
  });
}

/** What a row's reason says: the ratings that carry it, or that it is the movie's own standing rather than the person's. */
export type RowReason = { kind: 'ratings'; items: number[]; shares: number[] } | { kind: 'general' };

/**
 * The reason to show: the (at most `max`) ratings with the largest positive shares, each at least `least` of the sum
 * of positive shares; or 'general' when the movie's own part (general) outweighs all positive shares together, or no
 * share is positive. Every row gets one of the two.
 */
export function reasonOf(row: RowExplanation, max = 2, least = 0.1): RowReason {
  let positive = 0;
  for (const c of row.shares) if (c.share > 0) positive += c.share;
  if (!(positive > 0) || row.general > positive) return { kind: 'general' };
  const top = row.shares.filter((c) => c.share > 0 && c.share >= least * positive).slice(0, max);
  if (top.length === 0) return { kind: 'general' };
  return { kind: 'ratings', items: top.map((c) => c.item), shares: top.map((c) => c.share) };
}
