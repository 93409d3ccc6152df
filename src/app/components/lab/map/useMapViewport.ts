// The taste map's viewport in React: the view and its home, the frame's width, and the gestures that move the view
// (wheel, drag, pinch, keys); the maths is in mapViewport.ts.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { MAP_WIDTH, clientToBox, fitView, mapHeight, panView, pinchZoom, zoomView, type Box, type Point, type View } from './mapViewport';

/** Arrow keys move the view by this many view-box units. */
const KEY_STEP = 40;

export interface MapViewport {
  /** Null until `goHome` first set it. */
  view: View | null;
  box: Box;
  /** The frame's width in CSS pixels. */
  pixels: number;
  frameRef: RefObject<HTMLDivElement | null>;
  svgRef: RefObject<SVGSVGElement | null>;
  /** Fits `points` (in the frame's current shape) and makes that the home view. */
  goHome(points: readonly Point[]): void;
  /** Zooms by `factor` about a view-box position (the centre when absent). */
  zoom(factor: number, at?: Point): void;
  reset(): void;
  /** Fits `points` without changing the home view ("Show me"). */
  show(points: readonly Point[]): void;
  /** Pointer and key handlers for the SVG. */
  handlers: {
    onKeyDown(e: KeyboardEvent<SVGSVGElement>): void;
    onPointerDown(e: PointerEvent<SVGSVGElement>): void;
    onPointerMove(e: PointerEvent<SVGSVGElement>): void;
    onPointerUp(e: PointerEvent<SVGSVGElement>): void;
    onPointerCancel(e: PointerEvent<SVGSVGElement>): void;
  };
}

export function useMapViewport(): MapViewport {
  const [view, setView] = useState<View | null>(null);
  const [home, setHome] = useState<View | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [pixels, setPixels] = useState(MAP_WIDTH);
  const H = mapHeight(pixels);
  const pointers = useRef(new Map<number, Point>());
  const shown = view !== null; // the frame and the SVG are on screen

  const goHome = useCallback((points: readonly Point[]) => {
    const v = fitView(points, { w: MAP_WIDTH, h: mapHeight(frameRef.current?.clientWidth ?? MAP_WIDTH) });
    setView(v);
    setHome(v);
  }, []);

  // The frame's width in CSS pixels: picks the map's shape and keeps dots a constant size on screen.
  useEffect(() => {
    const el = frameRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setPixels(el.clientWidth || MAP_WIDTH));
    ro.observe(el);
    setPixels(el.clientWidth || MAP_WIDTH);
    return () => ro.disconnect();
  }, [shown]);

  const zoom = useCallback(
    (factor: number, at?: Point) => setView((v) => (v && home ? zoomView(v, home, factor, { w: MAP_WIDTH, h: H }, at) : v)),
    [home, H],
  );
  const pan = useCallback((dx: number, dy: number) => setView((v) => v && panView(v, dx, dy)), []);

  /** Client pixels → view-box units. */
  const toBox = useCallback((clientX: number, clientY: number) => clientToBox(clientX, clientY, svgRef.current!.getBoundingClientRect(), { w: MAP_WIDTH, h: H }), [H]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoom(Math.exp(-e.deltaY * 0.002), toBox(e.clientX, e.clientY));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoom, toBox, shown]);

  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
  };
  const handlers: MapViewport['handlers'] = {
    onPointerDown: (e) => {
      pointers.current.set(e.pointerId, toBox(e.clientX, e.clientY));
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    onPointerMove: (e) => {
      const ps = pointers.current;
      const before = ps.get(e.pointerId);
      if (!before) return;
      const now = toBox(e.clientX, e.clientY);
      if (ps.size === 1) pan(now.x - before.x, now.y - before.y);
      else if (ps.size === 2) {
        const other = [...ps.entries()].find(([id]) => id !== e.pointerId)![1];
        const pinch = pinchZoom(before, now, other);
        if (pinch) zoom(pinch.factor, pinch.at);
      }
      ps.set(e.pointerId, now);
    },
    onPointerUp,
    onPointerCancel: onPointerUp,
    onKeyDown: (e) => {
      const keys: Record<string, () => void> = {
        ArrowLeft: () => pan(KEY_STEP, 0),
        ArrowRight: () => pan(-KEY_STEP, 0),
        ArrowUp: () => pan(0, KEY_STEP),
        ArrowDown: () => pan(0, -KEY_STEP),
        '+': () => zoom(1.25),
        '=': () => zoom(1.25),
        '-': () => zoom(0.8),
        '0': () => setView(home),
      };
      const k = keys[e.key];
      if (k && e.target === e.currentTarget) {
        e.preventDefault();
        k();
      }
    },
  };

  return {
    view,
    box: { w: MAP_WIDTH, h: H },
    pixels,
    frameRef,
    svgRef,
    goHome,
    zoom,
    reset: () => setView(home),
    show: (points) => setView(fitView(points, { w: MAP_WIDTH, h: H })),
    handlers,
  };
}
