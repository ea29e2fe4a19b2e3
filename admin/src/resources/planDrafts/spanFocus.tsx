import { createContext, useCallback, useContext, useMemo, useState, type FocusEvent, type MouseEvent, type ReactNode } from 'react';
import type { TextSpan } from './api.js';

interface SpanFocusValue {
  /** What the source shows marked: the hovered item's words, else the focused item's. */
  active: TextSpan | null;
  focus(span: TextSpan | null): void;
  hover(span: TextSpan | null): void;
}

const SpanFocusContext = createContext<SpanFocusValue>({ active: null, focus: () => {}, hover: () => {} });

export const useSpanFocus = () => useContext(SpanFocusContext);

export function SpanFocusProvider({ children }: { children: ReactNode }) {
  const [focused, setFocused] = useState<TextSpan | null>(null);
  const [hovered, setHovered] = useState<TextSpan | null>(null);
  const focus = useCallback((span: TextSpan | null) => setFocused((current) => (sameSpan(current, span) ? current : span)), []);
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
  return {
    onFocus: (event: FocusEvent) => {
      const span = spanOf(event.target);
      if (span) focus(span);
    },
    onMouseOver: (event: MouseEvent) => hover(spanOf(event.target)),
    onMouseLeave: () => hover(null),
  };
}
