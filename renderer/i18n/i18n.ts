import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import {
  collectResources,
  fallbackLanguage,
  pickLanguage,
  supportedLanguages,
  type Language,
} from './resources';

const catalogs = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' });
const resources = collectResources(catalogs);
const storageKey = 'layerlab.language';

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Starts i18next in the language the user chose before, or the OS locale. */
export async function initI18n(osLocale: string | null): Promise<Language> {
  const lng = pickLanguage(readStoredLanguage(), osLocale ?? navigator.language);
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: fallbackLanguage,
    supportedLngs: [...supportedLanguages],
    ns: Object.keys(resources[fallbackLanguage] ?? {}),
    defaultNS: 'app',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  setDocumentLanguage(lng);
  return lng;
}

/** `lang` on <html> and the app root, so fonts and screen readers pick the right language. */
function setDocumentLanguage(lng: Language): void {
  document.documentElement.lang = lng;
  document.getElementById('root')?.setAttribute('lang', lng);
}

/** Switches the UI language and remembers the choice. */
export async function changeLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Private mode or storage disabled: the switch still applies to this session.
  }
  await i18next.changeLanguage(lng);
  setDocumentLanguage(lng);
}

/** The current UI language as a core `Locale`. */
export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
}

export { i18next };
