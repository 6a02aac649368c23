// The colour theme: the system's (prefers-color-scheme) unless the person picked light or dark
// in the header, a pick kept in localStorage. The theme in effect is set as <html data-theme>,
// which every colour in styles.css follows (custom properties); canvases cannot read CSS, so the
// charts read the properties with `cssColor` when they draw and redraw when `theme` changes.
import { computed, effect, signal } from "@preact/signals";

export type ThemeChoice = "auto" | "light" | "dark";
export const THEME_CHOICES: ThemeChoice[] = ["auto", "light", "dark"];

const KEY = "runcamp.theme";
const stored = localStorage.getItem(KEY);

export const themeChoice = signal<ThemeChoice>(stored === "light" || stored === "dark" ? stored : "auto");

const system = matchMedia("(prefers-color-scheme: dark)");
const systemTheme = signal<"light" | "dark">(system.matches ? "dark" : "light");
system.addEventListener("change", (e) => {
  systemTheme.value = e.matches ? "dark" : "light";
});

export const theme = computed(() => (themeChoice.value === "auto" ? systemTheme.value : themeChoice.value));

// Set before the first render (this module is imported by main.tsx), so no page paints in the wrong theme.
effect(() => {
  document.documentElement.dataset.theme = theme.value;
});

export function chooseTheme(choice: ThemeChoice) {
  themeChoice.value = choice;
  if (choice === "auto") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
}

/** The current value of a colour custom property of styles.css (`--chart-axis`), for drawing on a canvas. */
export const cssColor = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
