// "What changed since the last review", field by field. Paths follow the audit trail's convention
// (`harm.informational.severity`, `signals[sig-12].evidenceState`): list items with an `id` are
// matched by it, so reordering is not reported as a change of every item.
import type { FieldChange } from '../../api/contract/audit';
import type { CaseContent } from '../../api/contract/case';

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function idOf(item: Json): string | null {
  return isRecord(item) && typeof item.id === 'string' ? item.id : null;
}

function diffList(before: Json[], after: Json[], path: string): FieldChange[] {
  const keyed = [...before, ...after].every((item) => idOf(item) !== null);
  if (keyed && (before.length > 0 || after.length > 0)) {
    const afterById = new Map(after.map((item) => [idOf(item) ?? '', item]));
    const beforeIds = new Set(before.map((item) => idOf(item) ?? ''));
    const changes = before.flatMap((item) => {
      const id = idOf(item) ?? '';
      return diffValue(item, afterById.get(id) ?? null, `${path}[${id}]`);
    });
    for (const item of after) {
      const id = idOf(item) ?? '';
      if (!beforeIds.has(id)) changes.push({ path: `${path}[${id}]`, before: null, after: item });
    }
    return changes;
  }
  // Plain lists (hashtags, policy areas, handles) are one field: before and after in full.
  return [{ path, before, after }];
}

function diffValue(before: Json, after: Json, path: string): FieldChange[] {
  if (same(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValue(before[key] ?? null, after[key] ?? null, join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) return diffList(before, after, path);
  return [{ path, before: before ?? null, after: after ?? null }];
}

/** The changed fields between two versions of a case's content. */
export function diffCaseContent(before: CaseContent, after: CaseContent): FieldChange[] {
  return diffValue(pickContent(before), pickContent(after), '');
}

/** Only the analyst-edited content: a CaseDocument passed in must not report its bookkeeping. */
function pickContent(content: CaseContent): CaseContent {
  const { actor, questions, rightsRiskAssessment, harm, signals, settings } = content;
  return { actor, questions, rightsRiskAssessment, harm, signals, settings };
}
