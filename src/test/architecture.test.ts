// The dependency picture of ARCHITECTURE.md, checked: the engine imports only itself; the contract
// only zod and the engine; features never import each other, the backend or the mocks.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, including `import type` and dynamic imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specifiers.map((m) => m[1] ?? '');
}

/** Test support (tests, fast-check arbitraries, fixtures) may use test libraries; shipped code may not. */
const isTestSupport = (file: string) => /(\.test\.tsx?|-arbitraries\.ts|test-fixtures\.ts)$/.test(file);

function resolvedInside(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(SRC, resolve(dirname(file), specifier));
}

describe('architecture', () => {
  it('src/engine imports nothing outside src/engine (no packages, no node:, not even types)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, 'engine'))) {
      if (isTestSupport(file)) continue;
      for (const specifier of importsOf(file)) {
        const inside = resolvedInside(file, specifier);
        if (inside === null || !inside.startsWith('engine')) offenders.push(`${relative(SRC, file)} -> ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('src/api/contract imports only zod, itself and the engine', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, 'api/contract'))) {
      if (isTestSupport(file)) continue;
      for (const specifier of importsOf(file)) {
        const inside = resolvedInside(file, specifier);
        const allowed = inside === null ? specifier === 'zod' || specifier === 'zod/mini' : inside.startsWith('api/contract') || inside.startsWith('engine');
        if (!allowed) offenders.push(`${relative(SRC, file)} -> ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('features never import another feature, the backend or the mocks', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, 'features'))) {
      const own = relative(SRC, file).split('/').slice(0, 2).join('/');
      for (const specifier of importsOf(file)) {
        const inside = resolvedInside(file, specifier);
        if (inside === null) continue;
        const crossesFeature = inside.startsWith('features/') && !inside.startsWith(own);
        if (crossesFeature || inside.startsWith('backend') || inside.startsWith('mocks')) {
          if (!file.endsWith('.test.tsx') && !file.endsWith('.test.ts')) offenders.push(`${relative(SRC, file)} -> ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the detector catches an offending import (the check itself can fail)', () => {
    expect(importsOf(__filename).some((s) => s === 'vitest')).toBe(true);
  });
});
