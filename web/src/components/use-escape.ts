// Escape closes what is open — a popover, a menu, a dialog, an edit — and gives the keyboard
// focus back to the control that opened it. Only the last opened one closes: a dialog over an
// open popover closes first, the popover on the next Escape.
import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

const open: (() => void)[] = [];

document.addEventListener("keydown", (e) => {
  if (e.key !== "Escape" || !open.length) return;
  e.preventDefault();
  open[open.length - 1]();
});

/** While `isOpen`, Escape calls `close` and focuses `opener`. */
export function useEscape(isOpen: boolean, close: () => void, opener?: RefObject<HTMLElement | null>) {
  const latest = useRef(close);
  latest.current = close;
  // A layout effect: it runs as the opening renders, so the order of `open` is the order of
  // the clicks even when two come before the browser paints.
  useLayoutEffect(() => {
    if (!isOpen) return;
    const onEscape = () => {
      latest.current();
      opener?.current?.focus();
    };
    open.push(onEscape);
    return () => open.splice(open.indexOf(onEscape), 1);
  }, [isOpen]);
}
