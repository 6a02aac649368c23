import { chooseTheme, THEME_CHOICES, type ThemeChoice, themeChoice } from "../theme.ts";

const LABELS: Record<ThemeChoice, string> = { auto: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

/** The header's theme control: the system's (auto), light or dark. */
export function ThemeToggle() {
  return (
    <select class="theme-toggle" aria-label="Theme" value={themeChoice.value} onChange={(e) => chooseTheme(e.currentTarget.value as ThemeChoice)}>
      {THEME_CHOICES.map((c) => (
        <option key={c} value={c}>
          {LABELS[c]}
        </option>
      ))}
    </select>
  );
}
