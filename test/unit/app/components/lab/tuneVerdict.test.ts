// The lab's tune verdict: a winner only beyond one standard error of the best; among tied configurations the
// simplest (lowest rank, then highest λ) is the one offered for training, and the status line says it is a tie.
import { describe, expect, test } from 'vitest';
import type { TuneResult } from '../../../../../src/engine/eval/tune';
import { explicitDefaults } from '../../../../../src/engine/defaults/explicitDefaults';
import { tuneRows, verdict, verdictText } from '../../../../../src/app/components/lab/tuneVerdict';

const result = (rank: number, lambda: number, foldRmse: number[]): TuneResult => ({
  params: { ...explicitDefaults, rank, lambda },
  rmse: foldRmse.reduce((a, b) => a + b, 0) / foldRmse.length,
  mae: 0.65,
  foldRmse,
  fitSeconds: 1,
});

describe('tune verdict', () => {
  test('the issue’s case: rank 64 ahead of rank 32 by 0.0004 with folds spread by 0.005 is a tie, and the simpler rank 32 is offered', () => {
    const best = result(64, 2.2, [0.8401, 0.8502, 0.8447, 0.839, 0.8495]);
    const close = result(32, 2.2, [0.8405, 0.8506, 0.8451, 0.8394, 0.8499]);
    const far = result(16, 6, [0.8601, 0.8702, 0.8647, 0.859, 0.8695]);
    const v = verdict([best, close, far])!;
    expect(v.kind).toBe('tie');
    if (v.kind !== 'tie') return;
    expect(v.tied).toEqual([best, close]);
    expect(v.pick).toBe(close);
    expect(v.se).toBeCloseTo(0.0051706 / Math.sqrt(5), 6); // sd: deviations −46, 55, 0, −57, 48 (×1e-4), Σ² 10.694e-5 over 4
    expect(verdictText(v, [best, close, far], 12.34)).toBe(
      'Done in 12.3 s. A tie: 2 configurations are within one standard error (0.0023) of the best mean, 0.8447, so the folds do not tell them apart. The simplest of them is rank 32, λ 2.2.',
    );
    expect(tuneRows([best, close, far]).map((r) => [r.spread.diff.toFixed(4), r.spread.sd.toFixed(4), r.spread.tie])).toEqual([
      ['0.0000', '0.0052', true],
      ['0.0004', '0.0052', true],
      ['0.0200', '0.0052', false],
    ]);
  });

  test('a winner only when every other mean is more than one standard error worse', () => {
    const best = result(32, 2.2, [0.84, 0.845, 0.85]);
    const next = result(64, 2.2, [0.86, 0.865, 0.87]);
    const v = verdict([best, next])!;
    expect(v).toEqual({ kind: 'winner', pick: best, se: expect.closeTo(0.005 / Math.sqrt(3), 12) });
    expect(verdictText(v, [best, next], 3)).toBe('Done in 3.0 s. Best: rank 32, λ 2.2, CV RMSE 0.8450 ± 0.0050, ahead of every other configuration by more than one standard error.');
  });

  test('among tied configurations of one rank, the highest λ is the simplest; nothing to judge without results', () => {
    const a = result(16, 1.5, [0.85, 0.86]);
    const b = result(16, 3, [0.851, 0.861]);
    const c = result(16, 2.2, [0.852, 0.862]);
    const v = verdict([a, b, c])!;
    expect(v.kind === 'tie' && v.pick).toBe(b);
    expect(verdict([])).toBeNull();
  });
});
