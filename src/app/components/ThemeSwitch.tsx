// The theme choice in the header: the system's scheme, or always light, or always dark (remembered on this device).
import { THEME_PREFS, type ThemePref } from '../theme/theme';
import { useTheme } from '../theme/useTheme';

const NAMES: Record<ThemePref, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeSwitch() {
  const [pref, setPref] = useTheme();
  return (
    <label className="theme-switch">
      <svg className="theme-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="8.5" />
        <path className="half" d="M12 3.5a8.5 8.5 0 0 1 0 17z" />
      </svg>
      <span className="theme-label">Theme</span>
      <select value={pref} onChange={(e) => setPref(e.target.value as ThemePref)} data-testid="theme">
        {THEME_PREFS.map((p) => (
          <option key={p} value={p}>
            {NAMES[p]}
          </option>
        ))}
      </select>
    </label>
  );
}
