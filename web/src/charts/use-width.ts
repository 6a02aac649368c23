import { useLayoutEffect, useState } from "preact/hooks";

/**
 * The element's width in CSS pixels, in steps of `step` so that small resizes do not re-fetch:
 * charts ask the server for about one point per pixel. 0 until laid out. Measured before the
 * first paint, so a chart's read starts in the same frame as the chart.
 */
export function useWidth(ref: { current: HTMLElement | null }, step = 50): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current!;
    const measure = () => setWidth(Math.max(step, Math.round(el.clientWidth / step) * step));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return width;
}
