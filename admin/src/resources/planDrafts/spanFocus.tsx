import { createContext, useCallback, useContext, useMemo, useRef, useState, type FocusEvent, type MouseEvent, type ReactNode } from 'react';
import type { TextSpan } from './api.js';

interface SpanFocusValue {
  /** What the source shows marked: the item last pointed at or focused, the focused one once the pointer leaves. */
  active: TextSpan | null;
  focus(span: TextSpan | null): void;
  hover(span: TextSpan | null): void;
}

const SpanFocusContext = createContext<SpanFocusValue>({ active: null, focus: () => {}, hover: () => {} });

export const useSpanFocus = () => useContext(SpanFocusContext);

export function SpanFocusProvider({ children }: { children: ReactNode }) {
  const [focused, setFocused] = useState<TextSpan | null>(null);
  const [hovered, setHovered] = useState<TextSpan | null>(null);
  const focus = useCallback((span: TextSpan | null) => {
    setFocused((current) => (sameSpan(current, span) ? current : span));
    // Focusing is the newer act: what the pointer rests on no longer counts until it moves.
    setHovered(null);
  }, []);
  const hover = useCallback((span: TextSpan | null) => setHovered((current) => (sameSpan(current, span) ? current : span)), []);
  const value = useMemo(() => ({ active: hovered ?? focused, focus, hover }), [hovered, focused, focus, hover]);
  return <SpanFocusContext.Provider value={value}>{children}</SpanFocusContext.Provider>;
}

const sameSpan = (a: TextSpan | null, b: TextSpan | null) => a === b || (!!a && !!b && a.start === b.start && a.end === b.end);

/** Items mark where they were read from with a SpanAnchor (data-span-start/end); the nearest one is the item's. */
const ITEM = '.RaSimpleFormIterator-line, [data-span-item]';

function spanOf(target: EventTarget | null): TextSpan | null {
  const item = (target as Element | null)?.closest?.(ITEM);
  const anchor = item?.querySelector<HTMLElement>('[data-span-start]');
  if (!anchor) return null;
  return { start: Number(anchor.dataset.spanStart), end: Number(anchor.dataset.spanEnd) };
}

/**
 * Listens once for a whole part of the form rather than on every input: whichever field of an item
 * is focused or pointed at, its item's words light up in the source. An item the user added was read
 * from nowhere and lights nothing.
 */
export function useSpanZone() {
  const { focus, hover } = useSpanFocus();
  const pointer = useRef({ x: -1, y: -1 });
  return {
    onFocus: (event: FocusEvent) => {
      const span = spanOf(event.target);
      if (span) focus(span);
    },
    onMouseMove: (event: MouseEvent) => {
      // The browser also reports a move when the page scrolls under a still pointer (as focusing a
      // field scrolls it into view): only a pointer that really moved points at something new.
      if (event.clientX === pointer.current.x && event.clientY === pointer.current.y) return;
      pointer.current = { x: event.clientX, y: event.clientY };
      hover(spanOf(event.target));
    },
    onMouseLeave: () => hover(null),
  };
}
