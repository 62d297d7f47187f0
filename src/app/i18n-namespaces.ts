// Where each i18n namespace lives. The app loads a namespace, in the user's language only, the first
// time a screen needs it, so translations ship with the code that uses them; tests load all of them up
// front (i18n-resources.ts). A feature adds its `*-locales.ts` here and in i18n-resources.ts.
import type { Language } from '../i18n/locale-shape';
import type { Resources } from './i18n-resources';

/** The file of each namespace: one export per language (`en`, `nl`, `tr`). */
const NAMESPACE_FILES = {
  common: '../i18n/locales/common.ts',
  policy: '../i18n/locales/policy.ts',
  cases: '../features/cases/cases-locales.ts',
  workspace: '../features/case-workspace/workspace-locales.ts',
  engine: '../components/verdict/engine-locales.ts',
  fieldChange: '../components/field-change-locales.ts',
  review: '../features/review/review-locales.ts',
  enforcement: '../features/enforcement/enforcement-locales.ts',
  submission: '../features/submission/submission-locales.ts',
  audit: '../features/audit/audit-locales.ts',
  activityImport: '../features/activity-import/import-locales.ts',
  accounts: '../features/accounts/accounts-locales.ts',
  conversation: '../features/conversation/conversation-locales.ts',
  notifications: '../features/notifications/notifications-locales.ts',
  live: '../features/live/live-locales.ts',
  commandPalette: '../features/command-palette/command-palette-locales.ts',
  caseTimeline: '../components/case-timeline/case-timeline-locales.ts',
  crossCase: '../components/cross-case/cross-case-locales.ts',
  activityTimeline: '../components/activity-timeline/activity-timeline-locales.ts',
} as const satisfies Record<keyof Resources, string>;

export type Namespace = keyof typeof NAMESPACE_FILES;

/** What the shell shows on every page, loaded before the first render. */
export const STARTUP_NAMESPACES: readonly Namespace[] = ['common', 'policy'];

// One lazy loader per locale file and language. The `lang` query makes each language of a file a
// module of its own, so the build keeps only that language's export in its chunk: a screen downloads
// its texts in one language, not three. (Vite wants literal globs, hence one per language.)
type Loaders = Record<string, () => Promise<object>>;
const LOADERS: Record<Language, Loaders> = {
  en: import.meta.glob(['../i18n/locales/*.ts', '../features/*/*-locales.ts', '../components/**/*-locales.ts'], {
    query: { lang: 'en' },
    import: 'en',
  }),
  nl: import.meta.glob(['../i18n/locales/*.ts', '../features/*/*-locales.ts', '../components/**/*-locales.ts'], {
    query: { lang: 'nl' },
    import: 'nl',
  }),
  tr: import.meta.glob(['../i18n/locales/*.ts', '../features/*/*-locales.ts', '../components/**/*-locales.ts'], {
    query: { lang: 'tr' },
    import: 'tr',
  }),
};

function isNamespace(name: string): name is Namespace {
  return Object.hasOwn(NAMESPACE_FILES, name);
}

/** One namespace's texts in one language. */
export async function loadNamespace(language: Language, namespace: string): Promise<object> {
  if (!isNamespace(namespace)) throw new Error(`unknown i18n namespace: ${namespace}`);
  const load = LOADERS[language][NAMESPACE_FILES[namespace]];
  if (!load) throw new Error(`i18n namespace ${namespace}: ${NAMESPACE_FILES[namespace]} is outside the locale globs`);
  return load();
}
