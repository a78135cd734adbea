import { create } from 'zustand';

/** `system` follows the OS (`prefers-color-scheme`); the others force a theme. */
export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const storageKey = 'layerlab.theme';

function readPreference(): ThemePreference {
  try {
    const v = localStorage.getItem(storageKey);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

interface ThemeState {
  readonly preference: ThemePreference;
  readonly theme: Theme;
}

export const useThemeStore = create<ThemeState>()(() => {
  const preference = readPreference();
  return { preference, theme: preference === 'system' ? systemTheme() : preference };
});

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    localStorage.setItem(storageKey, preference);
  } catch {
    // Storage disabled: keep the choice for this session only.
  }
  const theme = preference === 'system' ? systemTheme() : preference;
  useThemeStore.setState({ preference, theme });
  applyTheme(theme);
}

/** Applies the stored theme and follows OS changes while the preference is `system`. */
export function startThemeSync(): () => void {
  applyTheme(useThemeStore.getState().theme);
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia('(prefers-color-scheme: dark)');
  const onChange = (): void => {
    if (useThemeStore.getState().preference !== 'system') return;
    const theme = systemTheme();
    useThemeStore.setState({ theme });
    applyTheme(theme);
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
