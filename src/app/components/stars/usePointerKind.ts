// Which kind of pointer pressed last ("touch", "mouse", "pen"; "" for a key): a finger rates a whole star at a time.
import { useCallback, useRef, type PointerEvent, type MouseEvent } from 'react';

/** `onPointerDown` to spread on the control, and `kindOf(click)`: the click's own pointer type, else the last press. */
export function usePointerKind(): { onPointerDown: (e: PointerEvent) => void; kindOf: (e: MouseEvent) => string } {
  const last = useRef('');
  const onPointerDown = useCallback((e: PointerEvent) => {
    last.current = e.pointerType;
  }, []);
  const kindOf = useCallback((e: MouseEvent) => {
    // A click made with a key (Space) has no detail and no pointer type: never a tap.
    if (e.detail === 0) return '';
    return (e.nativeEvent as Partial<globalThis.PointerEvent>).pointerType || last.current;
  }, []);
  return { onPointerDown, kindOf };
}
