// The taste map's viewport maths: fit shows every movie, zoom keeps the point under the cursor still and stays within
// its limits, pan and pinch move what a person's fingers move, the ranges shown match what is drawn.
import { expect, test } from 'vitest';
import fc from 'fast-check';
import {
  MAP_WIDTH,
  MAX_SCALE_FACTOR,
  MIN_SCALE_FACTOR,
  clientToBox,
  dotScale,
  fitView,
  mapHeight,
  panView,
  pinchZoom,
  toData,
  toScreen,
  visibleRange,
  zoomView,
  type Box,
  type View,
} from '../../../../../../src/app/components/lab/map/mapViewport';

const wide: Box = { w: MAP_WIDTH, h: mapHeight(1200) };
const phone: Box = { w: MAP_WIDTH, h: mapHeight(360) };
const coord = fc.double({ min: -50, max: 50, noNaN: true });
const point = fc.record({ x: coord, y: coord });
const view = fc.record({ cx: coord, cy: coord, scale: fc.double({ min: 0.01, max: 1000, noNaN: true }) });
/** Seeded: the same cases every run. */
const RUNS = { seed: 11, numRuns: 300 };
const close = (a: number, b: number, scale = 1) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b), scale));

test('the frame picks the shape: landscape 640×440 on wide screens, square 640×640 on phones', () => {
  expect(wide).toEqual({ w: 640, h: 440 });
  expect(phone).toEqual({ w: 640, h: 640 });
  expect(mapHeight(519)).toBe(640);
  expect(mapHeight(520)).toBe(440);
});

test('fit puts every movie inside the view with a 4% margin on the tighter axis, centred on their box', () => {
  const pts = [
    { x: -2, y: 1 },
    { x: 3, y: -0.5 },
    { x: 0.5, y: 0.25 },
  ];
  const v = fitView(pts, wide);
  // x spans 5 → 640/5 = 128, y spans 1.5 → 440/1.5 = 293.3: x is the tighter axis.
  expect(v).toEqual({ cx: 0.5, cy: 0.25, scale: 0.92 * 128 });
  for (const p of pts) {
    const s = toScreen(v, wide, p);
    expect(s.x).toBeGreaterThanOrEqual(0.04 * wide.w - 1e-9);
    expect(s.x).toBeLessThanOrEqual(0.96 * wide.w + 1e-9);
    expect(s.y).toBeGreaterThan(0);
    expect(s.y).toBeLessThan(wide.h);
  }
  fc.assert(
    fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), fc.constantFrom(wide, phone), (ps, box) => {
      const f = fitView(ps, box);
      for (const p of ps) {
        const s = toScreen(f, box, p);
        expect(s.x).toBeGreaterThanOrEqual(-1e-6);
        expect(s.x).toBeLessThanOrEqual(box.w + 1e-6);
        expect(s.y).toBeGreaterThanOrEqual(-1e-6);
        expect(s.y).toBeLessThanOrEqual(box.h + 1e-6);
      }
    }),
    RUNS,
  );
});

test('fit of nothing is the origin at scale 1; of one movie, that movie in the middle', () => {
  expect(fitView([], wide)).toEqual({ cx: 0, cy: 0, scale: 1 });
  const one = fitView([{ x: 0.3, y: -0.2 }], wide);
  expect(toScreen(one, wide, { x: 0.3, y: -0.2 })).toEqual({ x: 320, y: 220 });
});

test('screen and data coordinates invert each other; up in the data is up on screen', () => {
  fc.assert(
    fc.property(view, point, fc.constantFrom(wide, phone), (v, p, box) => {
      const back = toData(v, box, toScreen(v, box, p));
      close(back.x, p.x, 1 / v.scale);
      close(back.y, p.y, 1 / v.scale);
    }),
    RUNS,
  );
  const v: View = { cx: 0, cy: 0, scale: 100 };
  expect(toScreen(v, wide, { x: 0, y: 1 }).y).toBeLessThan(toScreen(v, wide, { x: 0, y: 0 }).y);
});

test('zoom keeps the data point under the cursor where it is', () => {
  fc.assert(
    fc.property(view, fc.double({ min: 0.2, max: 5, noNaN: true }), fc.record({ x: fc.double({ min: 0, max: 640, noNaN: true }), y: fc.double({ min: 0, max: 440, noNaN: true }) }), (v, f, at) => {
      const under = toData(v, wide, at);
      const z = zoomView(v, v, f, wide, at); // home = v: the limits are 0.5× and 64× this view
      const after = toScreen(z, wide, under);
      close(after.x, at.x, 640);
      close(after.y, at.y, 640);
    }),
    RUNS,
  );
  // Without a point: about the centre, so the centre's data point stays.
  const v: View = { cx: 1, cy: 2, scale: 10 };
  expect(zoomView(v, v, 2, wide)).toEqual({ cx: 1, cy: 2, scale: 20 });
});

test('zoom stops at 64× and 0.5× the home view', () => {
  const home: View = { cx: 0, cy: 0, scale: 10 };
  let v = home;
  for (let k = 0; k < 20; k++) v = zoomView(v, home, 1.5, wide, { x: 100, y: 50 });
  expect(v.scale).toBe(home.scale * MAX_SCALE_FACTOR);
  for (let k = 0; k < 40; k++) v = zoomView(v, home, 1 / 1.5, wide);
  expect(v.scale).toBe(home.scale * MIN_SCALE_FACTOR);
});

test('pan moves what is on screen by exactly the drag, at any zoom', () => {
  fc.assert(
    fc.property(view, point, fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -300, max: 300, noNaN: true }), (v, p, dx, dy) => {
      const before = toScreen(v, wide, p);
      const after = toScreen(panView(v, dx, dy), wide, p);
      close(after.x - before.x, dx, 1000);
      close(after.y - before.y, dy, 1000);
    }),
    RUNS,
  );
});

test('a pinch zooms by the change in finger distance about their midpoint; fingers on one spot do nothing', () => {
  expect(pinchZoom({ x: 100, y: 100 }, { x: 60, y: 100 }, { x: 200, y: 100 })).toEqual({ factor: 1.4, at: { x: 130, y: 100 } });
  expect(pinchZoom({ x: 200, y: 100 }, { x: 250, y: 100 }, { x: 200, y: 100 })).toBeNull();
});

test('client pixels map onto the view box however the SVG is scaled on the page', () => {
  // A 320×220 CSS-pixel SVG at (10, 40) shows the 640×440 view box at half size.
  expect(clientToBox(170, 150, { left: 10, top: 40, width: 320, height: 220 }, wide)).toEqual({ x: 320, y: 220 });
  expect(clientToBox(10, 40, { left: 10, top: 40, width: 320, height: 220 }, wide)).toEqual({ x: 0, y: 0 });
});

test('the ranges shown are the data at the view box edges', () => {
  const v: View = { cx: 0.5, cy: -0.25, scale: 200 };
  const r = visibleRange(v, wide);
  // 640 / 200 = 3.2 data units across, 440 / 200 = 2.2 down.
  close(r.x0, -1.1);
  close(r.x1, 2.1);
  close(r.y0, -1.35);
  close(r.y1, 0.85);
  const topLeft = toScreen(v, wide, { x: r.x0, y: r.y1 });
  const bottomRight = toScreen(v, wide, { x: r.x1, y: r.y0 });
  for (const [got, want] of [[topLeft.x, 0], [topLeft.y, 0], [bottomRight.x, 640], [bottomRight.y, 440]]) close(got, want, 640);
});

test('dots keep their size on screen: 1 view-box unit per pixel on a wide frame, up to 2.5 on a narrow one', () => {
  expect(dotScale(1200)).toBe(1);
  expect(dotScale(640)).toBe(1);
  expect(dotScale(320)).toBe(2);
  expect(dotScale(200)).toBe(2.5);
});
