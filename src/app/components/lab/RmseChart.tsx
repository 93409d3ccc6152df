// Live line chart (uPlot) of train and validation error per iteration, in the page's light or dark colours,
// with the same numbers as a table beside it for screen readers and anyone who wants the digits.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { IterationInfo } from '../../../engine/types';
import type { Objective } from './labForm';
import { errorNames } from './trainText';
import { useScheme } from '../../theme/useTheme';

const HEIGHT = 220;

function dataOf(iterations: IterationInfo[], validation: boolean): uPlot.AlignedData {
  const x = iterations.map((i) => i.iteration);
  const train = iterations.map((i) => i.trainRmse);
  return validation ? [x, train, iterations.map((i) => i.validationRmse ?? null)] : [x, train];
}

export function RmseChart(props: { iterations: IterationInfo[]; total: number; objective: Objective; validation: boolean; caption: string }) {
  const { iterations, total, objective, validation } = props;
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(iterations);
  latest.current = iterations;
  const dark = useScheme() === 'dark';
  const names = errorNames(objective);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const css = getComputedStyle(el);
    const v = (name: string) => css.getPropertyValue(name).trim();
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: v('--text'),
      grid: { stroke: v('--border'), width: 1 },
      ticks: { stroke: v('--border'), width: 1 },
    });
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: HEIGHT,
      scales: { x: { time: false, range: [1, Math.max(2, total)] } },
      axes: [{ ...axis('Iteration'), incrs: [1, 2, 5, 10, 20, 50] }, { ...axis(names.axis), size: 60, values: (_u, ticks) => ticks.map((t) => t.toFixed(2)) }],
      series: [
        { label: 'Iteration' },
        { label: names.train, stroke: v('--lab-train'), width: 2, points: { show: true, size: 6 } },
        ...(validation ? [{ label: names.validation, stroke: v('--lab-validation'), width: 2, dash: [6, 4], points: { show: true, size: 6 } }] : []),
      ],
      cursor: { drag: { x: false, y: false } },
    };
    const u = new uPlot(opts, dataOf(latest.current, validation), el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [dark, validation, total, names.axis, names.train, names.validation]);

  useEffect(() => {
    plot.current?.setData(dataOf(iterations, validation), true);
  }, [iterations, validation]);

  const last = iterations.at(-1);
  const summary = last
    ? `${names.train} ${last.trainRmse.toFixed(4)}${last.validationRmse !== undefined ? `, ${names.inValidation} ${last.validationRmse.toFixed(4)}` : ''} after iteration ${last.iteration} of ${total}`
    : 'No iterations yet';
  return (
    <div className="lab-chart">
      <figure>
        <div ref={box} className="lab-plot" role="img" aria-label={`Line chart of ${names.short} per iteration. ${summary}.`} data-testid="rmse-chart" />
        <figcaption className="muted">{props.caption}</figcaption>
      </figure>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Numbers per iteration">
        <table className="lab-table" data-testid="iteration-table">
          <caption>Per iteration</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{names.train}</th>
              {validation && <th scope="col">{names.validation}</th>}
              <th scope="col">Time (s)</th>
            </tr>
          </thead>
          <tbody>
            {iterations.map((i) => (
              <tr key={i.iteration} data-iteration={i.iteration}>
                <th scope="row">{i.iteration}</th>
                <td data-metric="train">{i.trainRmse.toFixed(4)}</td>
                {validation && <td data-metric="validation">{i.validationRmse?.toFixed(4) ?? '–'}</td>}
                <td>{i.seconds.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
