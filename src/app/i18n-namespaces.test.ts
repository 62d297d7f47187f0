import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/locale-shape';
import { loadNamespace } from './i18n-namespaces';
import { resources } from './i18n-resources';

describe('loadNamespace', () => {
  it('loads every namespace in every language, the same texts the tests get up front', async () => {
    for (const language of LANGUAGES) {
      for (const [namespace, texts] of Object.entries(resources[language])) {
        expect(await loadNamespace(language, namespace), `${language}/${namespace}`).toEqual(texts);
      }
    }
  });

  it('refuses a namespace it does not know', async () => {
    await expect(loadNamespace('en', 'nope')).rejects.toThrow('unknown i18n namespace: nope');
  });
});
