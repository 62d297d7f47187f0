// The last import of each case, kept in this browser's IndexedDB so the network view (and a link
// from the evidence board) still works after a reload. What comes back is checked with the zod
// schema: a corrupt or outdated entry is dropped with a warning, never trusted.
import { del, get, set } from 'idb-keyval';
import { ImportOutcomeSchema, type ImportOutcome } from './import-result';

const KEY_PREFIX = 'cha:last-import:v1:';

function keyOf(caseId: string): string {
  return `${KEY_PREFIX}${caseId}`;
}

function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

export async function loadLastImport(caseId: string): Promise<ImportOutcome | null> {
  if (!hasIndexedDb()) return null;
  let stored: unknown;
  try {
    stored = await get(keyOf(caseId));
  } catch (error) {
    console.warn('Could not read the last import from IndexedDB', error);
    return null;
  }
  if (stored === undefined) return null;
  const parsed = ImportOutcomeSchema.safeParse(stored);
  if (!parsed.success) {
    console.warn(`Discarded the stored import of case ${caseId}: it does not match the expected shape`);
    await del(keyOf(caseId)).catch(() => undefined);
    return null;
  }
  return parsed.data;
}

/** Best effort: a full disk or a private window only costs the reload convenience. */
export async function saveLastImport(caseId: string, outcome: ImportOutcome): Promise<void> {
  if (!hasIndexedDb()) return;
  try {
    await set(keyOf(caseId), outcome);
  } catch (error) {
    console.warn('Could not keep the import in IndexedDB', error);
  }
}

export async function clearLastImport(caseId: string): Promise<void> {
  if (!hasIndexedDb()) return;
  await del(keyOf(caseId)).catch(() => undefined);
}
