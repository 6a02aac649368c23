// How deep a parsed JSON value nests, counted without recursion: a hostile body 10,000 levels
// deep must be refused, not overflow the stack of whatever walks it next.

/** True when `value` nests arrays/objects more than `max` levels deep (a scalar is depth 0). */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}
