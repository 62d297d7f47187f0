// i18next set-up with typed keys: `t('common:nav.cases')` is checked against the English resources.
// In the app, namespaces load on demand (a screen suspends until its texts are there); tests pass
// every resource up front so rendering stays synchronous.
import { createInstance, type BackendModule, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/locale-shape';
import { loadNamespace, STARTUP_NAMESPACES } from './i18n-namespaces';
import { browserRetryPolicy, LoadFailedError, loadWhenOnline, type RetryPolicy } from './load-when-online';
import type { Resources } from './i18n-resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

/**
 * Texts load through loadWhenOnline: offline, a screen waits for the network (its fallback says so)
 * instead of rendering without texts. The shell's namespaces are tried until they come (the app does
 * not render before them); another namespace that fails online three times is recorded as failed.
 */
type LoadTexts = (language: Language, namespace: string) => Promise<object>;

function lazyNamespaces(
  failed: Set<string>,
  load: LoadTexts,
  policies: { startup: RetryPolicy; screen: RetryPolicy },
): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read: (language, namespace, callback) => {
      const key = `${language}|${namespace}`;
      const policy = STARTUP_NAMESPACES.some((name) => name === namespace) ? policies.startup : policies.screen;
      loadWhenOnline(() => load(isLanguage(language) ? language : 'en', namespace), policy).then(
        (texts) => {
          failed.delete(key);
          callback(null, texts as Record<string, unknown>);
        },
        (error: unknown) => {
          failed.add(key);
          callback(error instanceof Error ? error : new Error(String(error)), false);
        },
      );
    },
  };
}

/**
 * A key is missing only when its namespace failed to load (LocaleShape makes every key exist in every
 * language): then the screen must not show the raw key ("list.title"). Throwing from `t` during
 * render hands the screen to the route boundary, which offers a retry (the error's `reload`).
 */
function missingKeyHandler(instance: I18n, failed: Set<string>) {
  /** Loads again every namespace of the current language that failed. */
  const reload = async () => {
    const prefix = `${instance.language}|`;
    const namespaces = [...failed].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    if (namespaces.length > 0) await instance.reloadResources(instance.language, namespaces);
  };
  return (namespacedKey: string, defaultValue: string | undefined): string => {
    const separator = namespacedKey.indexOf(':');
    const namespace = namespacedKey.slice(0, separator);
    if (failed.has(`${instance.language}|${namespace}`)) {
      throw new LoadFailedError(`the texts of ${namespace} (${instance.language})`, { reload });
    }
    return defaultValue ?? namespacedKey.slice(separator + 1);
  };
}

export interface CreatedI18n {
  i18n: I18n;
  /** Settles once the start-up namespaces (or the given resources) are in. */
  ready: Promise<unknown>;
}

export interface CreateI18nOptions {
  /** Every text up front (tests): nothing loads lazily. */
  resources?: Resource;
  /** How loads are retried: the startup namespaces' and a screen's. */
  retry?: { startup: RetryPolicy; screen: RetryPolicy };
  /** Where texts come from (tests: a network that fails); the locale files by default. */
  loadTexts?: LoadTexts;
}

export function createI18n(language: Language, options: CreateI18nOptions = {}): CreatedI18n {
  const instance = createInstance();
  const failed = new Set<string>();
  const retry = options.retry ?? { startup: browserRetryPolicy(Infinity), screen: browserRetryPolicy(3) };
  if (!options.resources) instance.use(lazyNamespaces(failed, options.loadTexts ?? loadNamespace, retry));
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
    appendNamespaceToMissingKey: true,
    parseMissingKeyHandler: missingKeyHandler(instance, failed),
  });
  return { i18n: instance, ready };
}
