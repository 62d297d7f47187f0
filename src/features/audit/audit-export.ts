// Issue 15 §2: the filtered trail as a file, CSV for a spreadsheet and JSON for tools. Every page of
// the filter is fetched (500 events a request: the contract's largest page), so the file holds what
// the screen counts, not only the page in view. Cells go through the app's one CSV writer.
import type { AuditEvent, AuditQuery } from '../../api/contract/audit';
import { callApi } from '../../api/client/http-client';
import { csvRecords } from '../../components/csv-cell';
import { formatChangeValue, fieldPathLabel } from '../../components/field-change-list';
import type { SentenceContext } from './audit-sentence';
import { auditSentence } from './audit-sentence';

const EXPORT_PAGE_SIZE = 500;

/** Every event the filter matches, newest first. */
export async function fetchWholeTrail(filters: Omit<AuditQuery, 'page' | 'pageSize'>, signal?: AbortSignal): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let page = 1; ; page++) {
    const { data } = await callApi('audit', { query: { ...filters, page, pageSize: EXPORT_PAGE_SIZE }, signal });
    events.push(...data.items);
    if (data.items.length === 0 || events.length >= data.total) return events;
  }
}

export interface CsvContext extends SentenceContext {
  caseName: (caseId: string) => string;
  typeLabel: (event: AuditEvent) => string;
  changeT: Parameters<typeof formatChangeValue>[2];
  hasLabel: (key: string) => boolean;
}

/** One row per event: the sentence and the changes in the reader's words, the codes beside them for tools. */
export function trailToCsv(events: readonly AuditEvent[], context: CsvContext): string {
  const header = ['seq', 'at_utc', 'case_id', 'case', 'event_type', 'event', 'actor_id', 'actor', 'sentence', 'reason', 'changes'];
  const rows = events.map((event) => [
    event.seq,
    event.at,
    event.caseId,
    context.caseName(event.caseId),
    event.type,
    context.typeLabel(event),
    event.actorId,
    context.userName(event.actorId),
    auditSentence(event, context),
    event.reason,
    event.changes
      .map(
        (change) =>
          `${fieldPathLabel(change.path, context.changeT, context.hasLabel)}: ${formatChangeValue(change.path, change.before, context.changeT, context.language, context.hasLabel, context.userName)} → ${formatChangeValue(change.path, change.after, context.changeT, context.language, context.hasLabel, context.userName)}`,
      )
      .join('\n'),
  ]);
  return csvRecords([header, ...rows]);
}

/** The stored events as they are, with the filter that chose them. */
export function trailToJson(events: readonly AuditEvent[], filters: Omit<AuditQuery, 'page' | 'pageSize'>, exportedAt: string): string {
  return `${JSON.stringify({ exportedAt, filters, total: events.length, events }, null, 2)}\n`;
}
