// The taste map's viewport maths, pure: fit, zoom about a point, pan, pinch, data ↔ view-box units. No React, no DOM.

/** View-box width; the height depends on the screen (`mapHeight`). */
export const MAP_WIDTH = 640;
/** View-box height: wide screens get a landscape map, phones a square one. */
export const mapHeight = (pixels: number): number => (pixels < 520 ? 640 : 440);
/** How far out and in the view may zoom, as multiples of the home view's scale. */
export const MIN_SCALE_FACTOR = 0.5;
export const MAX_SCALE_FACTOR = 64;

/** What is on screen: the data point at the centre and view-box units per data unit (same on both axes). */
export interface View {
  cx: number;
  cy: number;
  scale: number;
}

/** The view box's size in its own units. */
export interface Box {
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The view that shows every point with a margin (4% a side); an empty set: the origin at scale 1. */
export function fitView(points: readonly Point[], box: Box): View {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  if (!Number.isFinite(x0)) return { cx: 0, cy: 0, scale: 1 };
  const scale = 0.92 * Math.min(box.w / Math.max(1e-9, x1 - x0), box.h / Math.max(1e-9, y1 - y0));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, scale };
}

/** Data → view-box units (y grows upwards in the data, downwards on screen). */
export function toScreen(view: View, box: Box, p: Point): Point {
  return { x: box.w / 2 + (p.x - view.cx) * view.scale, y: box.h / 2 - (p.y - view.cy) * view.scale };
}

/** View-box units → data. */
export function toData(view: View, box: Box, s: Point): Point {
  return { x: view.cx + (s.x - box.w / 2) / view.scale, y: view.cy - (s.y - box.h / 2) / view.scale };
}

/** The data ranges on screen. */
export function visibleRange(view: View, box: Box): { x0: number; x1: number; y0: number; y1: number } {
  return {
    x0: view.cx - box.w / 2 / view.scale,
    x1: view.cx + box.w / 2 / view.scale,
    y0: view.cy - box.h / 2 / view.scale,
    y1: view.cy + box.h / 2 / view.scale,
  };
}

/**
 * Zooms by `factor` keeping the data point under view-box position `at` fixed; the scale stays within
 * MIN_SCALE_FACTOR…MAX_SCALE_FACTOR times the home view's.
 */
export function zoomView(view: View, home: View, factor: number, box: Box, at: Point = { x: box.w / 2, y: box.h / 2 }): View {
  const scale = Math.min(home.scale * MAX_SCALE_FACTOR, Math.max(home.scale * MIN_SCALE_FACTOR, view.scale * factor));
  const p = toData(view, box, at);
  return { scale, cx: p.x - (at.x - box.w / 2) / scale, cy: p.y + (at.y - box.h / 2) / scale };
}

/** Moves what is on screen by (dx, dy) view-box units: a drag's movement, or an arrow key's step. */
export function panView(view: View, dx: number, dy: number): View {
  return { ...view, cx: view.cx - dx / view.scale, cy: view.cy + dy / view.scale };
}

/** A two-finger pinch: one finger moved from `before` to `now` while the other stayed at `other` (view-box units). */
export function pinchZoom(before: Point, now: Point, other: Point): { factor: number; at: Point } | null {
  const d0 = Math.hypot(before.x - other.x, before.y - other.y);
  if (!(d0 > 0)) return null;
  const d1 = Math.hypot(now.x - other.x, now.y - other.y);
  return { factor: d1 / d0, at: { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 } };
}

/** Client pixels inside `rect` (the SVG's bounding box) → view-box units. */
export function clientToBox(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }, box: Box): Point {
  return { x: ((clientX - rect.left) / rect.width) * box.w, y: ((clientY - rect.top) / rect.height) * box.h };
}

/** View-box units per CSS pixel, between 1 and 2.5: dots keep their size on screen on narrow frames. */
export const dotScale = (pixels: number): number => Math.min(2.5, Math.max(1, MAP_WIDTH / Math.max(1, pixels)));
