// Every message key the engine can emit has a text in every language, using exactly its parameters.
import { describe, expect, it } from 'vitest';
import { MISSING_KEYS, REASON_KEYS } from '../../engine/reason-keys';
import { LANGUAGES } from '../../i18n/locale-shape';
import { en, nl, tr } from './engine-locales';

const engineLocales = { en, nl, tr };

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');

describe('engine message texts', () => {
  const specs = [...REASON_KEYS, ...MISSING_KEYS];

  it.each(LANGUAGES)('every engine key has a %s text', (language) => {
    const missing = specs.filter((spec) => typeof lookup(engineLocales[language], spec.key) !== 'string').map((s) => s.key);
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s texts use only the parameters the engine sends', (language) => {
    const wrong = specs.filter((spec) => {
      const text = lookup(engineLocales[language], spec.key);
      return typeof text === 'string' && placeholders(text).some((name) => !(spec.params as readonly string[]).includes(name));
    });
    expect(wrong.map((s) => s.key)).toEqual([]);
  });

  it('has no text for a key the engine does not emit', () => {
    const known = new Set<string>(specs.map((s) => s.key));
    const flatten = (node: unknown, prefix: string): string[] =>
      node && typeof node === 'object'
        ? Object.entries(node).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const texts = [...flatten(engineLocales.en.reason, 'reason'), ...flatten(engineLocales.en.missing, 'missing')];
    expect(texts.filter((key) => !known.has(key))).toEqual([]);
  });
});
