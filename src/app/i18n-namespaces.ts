// Where each i18n namespace lives. The app loads a namespace the first time a screen needs it, so
// translations ship with the code that uses them (code-split); tests load all of them up front
// (i18n-resources.ts). A feature adds its `*-locales.ts` here and in i18n-resources.ts.
import type { Language } from '../i18n/locale-shape';

export const NAMESPACE_LOADERS = {
  common: () => import('../i18n/locales/common'),
  policy: () => import('../i18n/locales/policy'),
  cases: () => import('../features/cases/cases-locales'),
  workspace: () => import('../features/case-workspace/workspace-locales'),
  engine: () => import('../components/verdict/engine-locales'),
  fieldChange: () => import('../components/field-change-locales'),
  review: () => import('../features/review/review-locales'),
  enforcement: () => import('../features/enforcement/enforcement-locales'),
  submission: () => import('../features/submission/submission-locales'),
  audit: () => import('../features/audit/audit-locales'),
  activityImport: () => import('../features/activity-import/import-locales'),
} as const;

export type Namespace = keyof typeof NAMESPACE_LOADERS;

/** The English texts of every namespace: the shape the typed `t()` keys are checked against. */
export type Resources = { [N in Namespace]: Awaited<ReturnType<(typeof NAMESPACE_LOADERS)[N]>>['en'] };

/** What the shell shows on every page, loaded before the first render. */
export const STARTUP_NAMESPACES: readonly Namespace[] = ['common', 'policy'];

function isNamespace(name: string): name is Namespace {
  return Object.hasOwn(NAMESPACE_LOADERS, name);
}

/** One namespace's texts in one language. */
export async function loadNamespace(language: Language, namespace: string): Promise<object> {
  if (!isNamespace(namespace)) throw new Error(`unknown i18n namespace: ${namespace}`);
  const module = await NAMESPACE_LOADERS[namespace]();
  return module[language];
}
