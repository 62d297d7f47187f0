// Row issues and file-level errors in the reader's language, from the parser's codes and params
// (engine/detection/parse-types.ts); numbers are written by Intl in that language. Values quoted
// from the file (a preview, an id, column names) and a report stored before issues had codes (its
// English reason) are shown as they are. The CLI's English is engine/detection/parse-messages.ts.
import type { TFunction } from 'i18next';
import type { ParseFatalDetail, ParseIssue, ParseNote } from '../../engine/detection/parse-types';
import { formatNumber } from './import-format';

type ImportT = TFunction<'activityImport'>;

/** One row issue as a phrase (without its row, field and outcome, which have their own columns). */
export function parseIssueText(issue: ParseIssue, t: ImportT, language: string): string {
  const n = (value: number) => formatNumber(value, language);
  switch (issue.code) {
    case 'wrong-field-count':
      return t('rowIssue.wrong-field-count', { expected: n(issue.params.expected), found: n(issue.params.found) });
    case 'record-too-long':
      return t('rowIssue.record-too-long', { limit: n(issue.params.limit) });
    case 'unterminated-quote':
      return t('rowIssue.unterminated-quote');
    case 'line-too-long':
      return t('rowIssue.line-too-long', { limit: n(issue.params.limit) });
    case 'too-deep':
      return t('rowIssue.too-deep', { limit: n(issue.params.limit) });
    case 'invalid-json':
      return t('rowIssue.invalid-json', { preview: issue.params.preview });
    case 'not-a-json-object':
      return t('rowIssue.not-a-json-object');
    case 'tweet-too-long':
      return t('rowIssue.tweet-too-long', { limit: n(issue.params.limit) });
    case 'duplicate-message-id':
      return t('rowIssue.duplicate-message-id', { id: issue.params.id });
    case 'missing-required':
      return t('rowIssue.missing-required');
    case 'missing-timestamp':
      return t('rowIssue.missing-timestamp');
    case 'not-a-timestamp':
      return t('rowIssue.not-a-timestamp', { preview: issue.params.preview });
    case 'not-text':
      return t('rowIssue.not-text');
    case 'too-long':
      return t('rowIssue.too-long', { limit: n(issue.params.limit) });
    case 'nul-character':
      return t('rowIssue.nul-character');
    case 'not-an-integer-id':
      return t('rowIssue.not-an-integer-id');
    case 'wrong-type':
      return t('rowIssue.wrong-type', { found: t(`valueType.${issue.params.found}`) });
    case 'invalid-id':
      return t('rowIssue.invalid-id', { preview: issue.params.preview });
    case 'invalid-username':
      return t('rowIssue.invalid-username', { preview: issue.params.preview });
    case 'invalid-identifier':
      return t('rowIssue.invalid-identifier', { limit: n(issue.params.limit) });
    case 'invalid-urls':
      return t('rowIssue.invalid-urls');
    case 'too-many-urls':
      return t('rowIssue.too-many-urls', { limit: n(issue.params.limit) });
    case 'not-http-urls':
      return t('rowIssue.not-http-urls', { count: issue.params.count, number: n(issue.params.count), preview: issue.params.preview });
    case 'stopped-incomplete-json':
      return t('rowIssue.stopped-incomplete-json');
    case 'stopped-malformed-json':
      return t('rowIssue.stopped-malformed-json', { offset: n(issue.params.offset), problem: t(`jsonProblem.${issue.params.problem}`) });
    case 'stopped-internal-error':
      return t('rowIssue.stopped-internal-error', { message: issue.params.message });
    case 'legacy-reason':
      return t('rowIssue.legacy-reason', { reason: issue.params.reason });
  }
}

/** A note about the file (an optional column it lacks, the row limit); a stored English note as it is. */
export function parseNoteText(note: ParseNote, t: ImportT, language: string): string {
  switch (note.code) {
    case 'no-message-column':
    case 'no-urls-column':
    case 'no-repost-id-column':
    case 'no-reply-id-column':
      return t(`note.${note.code}`);
    case 'row-limit':
      return t('note.row-limit', { limit: formatNumber(note.limit, language) });
    case 'legacy-note':
      return note.text;
  }
}

/** Why a file cannot be imported, or null when the `fatal.<code>` sentence already says it all. */
export function fatalDetailText(detail: ParseFatalDetail, t: ImportT, language: string): string | null {
  switch (detail.kind) {
    case 'empty':
    case 'too-large':
      return null;
    case 'nul-bytes':
    case 'not-utf8':
    case 'control-characters':
    case 'json-array-not-v2':
    case 'json-not-recognised':
    case 'first-line-too-long':
    case 'no-csv-header':
    case 'no-posts':
      return t(`fatalDetail.${detail.kind}`);
    case 'missing-columns':
      // Column names are the file's words: listed as written, not translated.
      return t('fatalDetail.missing-columns', { missing: detail.missing.join(', '), found: detail.found.join(', ') });
    case 'no-row-valid':
      return t('fatalDetail.no-row-valid', { count: detail.rows, number: formatNumber(detail.rows, language) });
    case 'stopped':
      return t('fatalDetail.stopped', { reason: parseIssueText(detail.issue, t, language) });
  }
}
