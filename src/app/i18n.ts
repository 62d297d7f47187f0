// i18next set-up with typed keys: `t('common:nav.cases')` is checked against the English resources.
// In the app, namespaces load on demand (a screen suspends until its texts are there); tests pass
// every resource up front so rendering stays synchronous.
import { createInstance, type BackendModule, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/locale-shape';
import { loadNamespace, STARTUP_NAMESPACES } from './i18n-namespaces';
import type { Resources } from './i18n-resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

const lazyNamespaces: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    loadNamespace(isLanguage(language) ? language : 'en', namespace).then(
      (texts) => callback(null, texts as Record<string, unknown>),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export interface CreatedI18n {
  i18n: I18n;
  /** Settles once the start-up namespaces (or the given resources) are in. */
  ready: Promise<unknown>;
}

export function createI18n(language: Language, options: { resources?: Resource } = {}): CreatedI18n {
  const instance = createInstance();
  if (!options.resources) instance.use(lazyNamespaces);
  const ready = instance.use(initReactI18next).init({
    ...(options.resources ? { resources: options.resources } : {}),
    lng: language,
    // No fallback language: every language has every key (LocaleShape makes a missing one a type
    // error), and a fallback would be downloaded beside the user's language for every namespace.
    fallbackLng: false,
    defaultNS: 'common',
    ns: options.resources ? Object.keys(options.resources.en ?? {}) : [...STARTUP_NAMESPACES],
    // React escapes text itself; i18next must not double-escape user-visible strings.
    interpolation: { escapeValue: false },
    initAsync: !options.resources,
    returnNull: false,
  });
  return { i18n: instance, ready };
}
