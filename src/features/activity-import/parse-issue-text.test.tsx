// Issue 15 §3: row issues and file-level errors in the reader's language (en, nl, tr), numbers by
// Intl in that language, the file's column names as written, and the CSV export in that language
// with the machine code kept.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../app/i18n';
import { resources } from '../../app/i18n-resources';
import { parseFatal } from '../../engine/detection/parse-messages';
import { JSON_SYNTAX_PROBLEMS, JSON_VALUE_TYPES, NO_PARAMS, PARSE_ISSUE_CODES } from '../../engine/detection/parse-types';
import type { ParseIssue, ParseIssueCode } from '../../engine/detection/parse-types';
import { LANGUAGES } from '../../i18n/locale-shape';
import { renderWithProviders } from '../../test/render';
import { downloadFile } from '../../components/download-file';
import { FileErrorAlert } from './file-error-alert';
import { fatalDetailText, parseIssueText, parseNoteText } from './parse-issue-text';
import { RowIssuesSection } from './row-issues-section';

vi.mock('../../components/download-file', () => ({ downloadFile: vi.fn<typeof downloadFile>() }));

const ISSUES: ParseIssue[] = [
  { row: 1_234_567, field: 'timestamp', code: 'not-a-timestamp', params: { preview: '"gisteren"' }, action: 'row-skipped' },
  { row: 12, field: null, code: 'record-too-long', params: { limit: 1_000_000 }, action: 'row-skipped' },
  { row: 14, field: 'urls', code: 'not-http-urls', params: { count: 2, preview: '"=javascript:alert(1)"' }, action: 'field-dropped' },
  { row: 0, field: null, code: 'stopped-malformed-json', params: { offset: 73_000, problem: 'expected-comma-or-brace' }, action: 'stopped' },
  // From a report stored before issues had codes: its English reason, as it was.
  { row: 15, field: 'message', code: 'legacy-reason', params: { reason: '=HYPERLINK("x")' }, action: 'row-skipped' },
];

/** One issue of every code, with params, to word in every language. */
function sampleOf(code: ParseIssueCode): ParseIssue {
  const base = { row: 2, field: 'x', action: 'row-skipped' } as const;
  switch (code) {
    case 'wrong-field-count':
      return { ...base, code, params: { expected: 8, found: 7 } };
    case 'record-too-long':
    case 'line-too-long':
    case 'too-deep':
    case 'tweet-too-long':
    case 'too-long':
    case 'invalid-identifier':
    case 'too-many-urls':
      return { ...base, code, params: { limit: 12_345 } };
    case 'invalid-json':
    case 'not-a-timestamp':
    case 'invalid-id':
    case 'invalid-username':
      return { ...base, code, params: { preview: '"v"' } };
    case 'duplicate-message-id':
      return { ...base, code, params: { id: '42' } };
    case 'wrong-type':
      return { ...base, code, params: { found: 'array' } };
    case 'not-http-urls':
      return { ...base, code, params: { count: 3, preview: '"v"' } };
    case 'stopped-malformed-json':
      return { ...base, code, params: { offset: 9, problem: 'invalid-key' } };
    case 'stopped-internal-error':
      return { ...base, code, params: { message: 'boom' } };
    case 'legacy-reason':
      return { ...base, code, params: { reason: 'as stored' } };
    case 'unterminated-quote':
    case 'not-a-json-object':
    case 'missing-required':
    case 'missing-timestamp':
    case 'not-text':
    case 'nul-character':
    case 'not-an-integer-id':
    case 'invalid-urls':
    case 'stopped-incomplete-json':
      return { ...base, code, params: NO_PARAMS };
  }
}

describe('parseIssueText', () => {
  it.each(LANGUAGES)('words every code in %s, params filled, no key or placeholder left', (language) => {
    const t = createI18n(language, { resources }).i18n.getFixedT(language, 'activityImport');
    const texts = new Set<string>();
    for (const code of PARSE_ISSUE_CODES) {
      const text = parseIssueText(sampleOf(code), t, language);
      expect({ code, text }).not.toEqual({ code, text: expect.stringMatching(/\{\{|rowIssue|valueType|jsonProblem/) });
      texts.add(text);
    }
    expect(texts.size).toBe(PARSE_ISSUE_CODES.length);
    for (const problem of JSON_SYNTAX_PROBLEMS) expect(t(`jsonProblem.${problem}`)).not.toContain('jsonProblem');
    for (const type of JSON_VALUE_TYPES) expect(t(`valueType.${type}`)).not.toContain('valueType');
  });

  it('writes numbers as the reader’s language does, and plural forms', () => {
    const nl = createI18n('nl', { resources }).i18n.getFixedT('nl', 'activityImport');
    const tr = createI18n('tr', { resources }).i18n.getFixedT('tr', 'activityImport');
    const en = createI18n('en', { resources }).i18n.getFixedT('en', 'activityImport');
    const long = sampleOf('too-long');
    expect(parseIssueText(long, en, 'en')).toBe('longer than 12,345 characters');
    expect(parseIssueText(long, nl, 'nl')).toBe('langer dan 12.345 tekens');
    expect(parseIssueText(long, tr, 'tr')).toBe('12.345 karakterden uzun');
    const one = { row: 2, field: 'urls', code: 'not-http-urls', params: { count: 1, preview: '"ftp://x"' }, action: 'field-dropped' } as const;
    expect(parseIssueText(one, nl, 'nl')).toBe('één waarde is geen http(s)-URL: "ftp://x"');
    expect(parseIssueText({ ...one, params: { count: 1_500, preview: '"ftp://x"' } }, nl, 'nl')).toBe('1.500 waarden zijn geen http(s)-URL’s, bijv. "ftp://x"');
    expect(parseIssueText(sampleOf('wrong-type'), tr, 'tr')).toBe('metin bekleniyordu, bir dizi bulundu');
  });
});

describe('parseNoteText', () => {
  it.each([
    ['en', 'No urls column: the “Same link” detector has no data.', 'Row limit reached: only the first 5,000,000 rows were read.'],
    ['nl', 'Geen kolom urls: de detector “Dezelfde link” heeft geen gegevens.', 'Rijengrens bereikt: alleen de eerste 5.000.000 rijen zijn gelezen.'],
    ['tr', 'urls sütunu yok: “Aynı bağlantı” dedektörü için veri yok.', 'Satır sınırına ulaşıldı: yalnızca ilk 5.000.000 satır okundu.'],
  ] as const)('words the notes in %s, a stored English note as it is', (language, urls, limit) => {
    const t = createI18n(language, { resources }).i18n.getFixedT(language, 'activityImport');
    expect(parseNoteText({ code: 'no-urls-column' }, t, language)).toBe(urls);
    expect(parseNoteText({ code: 'row-limit', limit: 5_000_000 }, t, language)).toBe(limit);
    expect(parseNoteText({ code: 'legacy-note', text: 'No urls column: co-link detection has no data.' }, t, language)).toBe('No urls column: co-link detection has no data.');
    const columns = (['no-message-column', 'no-repost-id-column', 'no-reply-id-column'] as const).map((code) => parseNoteText({ code }, t, language));
    expect(new Set([...columns, urls]).size).toBe(4);
    for (const text of columns) expect(text).not.toMatch(/note\.|\{\{/);
  });
});

describe('RowIssuesSection in the reader’s language', () => {
  beforeEach(() => vi.mocked(downloadFile).mockClear());

  it('shows the row issues in Dutch: reasons and outcomes translated, numbers by Intl, field names as in the file', async () => {
    const { user } = renderWithProviders(<RowIssuesSection caseId="case-1" issues={ISSUES} issueCount={5} />, { language: 'nl' });
    const table = screen.getByRole('table', { name: 'Ongeldige rijen van het bestand' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      [],
      ['1.234.567', 'timestamp', 'geen tijdstempel: "gisteren" (epochseconden of ISO 8601, tussen 1990 en 2100)', 'Rij niet geïmporteerd'],
      ['12', '(hele rij)', 'record langer dan 1.000.000 tekens (aanhalingsteken niet gesloten?)', 'Rij niet geïmporteerd'],
      ['14', 'urls', '2 waarden zijn geen http(s)-URL’s, bijv. "=javascript:alert(1)"', 'Geïmporteerd zonder dit veld'],
      ['0', '(hele rij)', 'onjuiste JSON bij teken 73.000: , of } verwacht; de rest van het bestand is niet gelezen', 'Lezen gestopt'],
      ['15', 'message', '=HYPERLINK("x")', 'Rij niet geïmporteerd'],
    ]);

    // The download: the same words, the code last, a formula start neutralised.
    await user.click(screen.getByRole('button', { name: 'Alle fouten downloaden (CSV)' }));
    const [fileName, , csv] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(fileName).toBe('importfouten-case-1.csv');
    expect(csv?.split('\r\n')).toEqual([
      '"rij","veld","reden","gevolg","code"',
      '"1234567","timestamp","geen tijdstempel: ""gisteren"" (epochseconden of ISO 8601, tussen 1990 en 2100)","Rij niet geïmporteerd","not-a-timestamp"',
      '"12","","record langer dan 1.000.000 tekens (aanhalingsteken niet gesloten?)","Rij niet geïmporteerd","record-too-long"',
      '"14","urls","2 waarden zijn geen http(s)-URL’s, bijv. ""=javascript:alert(1)""","Geïmporteerd zonder dit veld","not-http-urls"',
      '"0","","onjuiste JSON bij teken 73.000: , of } verwacht; de rest van het bestand is niet gelezen","Lezen gestopt","stopped-malformed-json"',
      `"15","message","'=HYPERLINK(""x"")","Rij niet geïmporteerd","legacy-reason"`,
      '',
    ]);
  });

  it('shows the row issues in Turkish', async () => {
    const { user } = renderWithProviders(<RowIssuesSection caseId="case-1" issues={ISSUES} issueCount={5} />, { language: 'tr' });
    const table = screen.getByRole('table', { name: 'Dosyanın geçersiz satırları' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('1.234.567timestampzaman damgası değil: "gisteren" (epoch saniyesi veya ISO 8601, 1990 ile 2100 arasında)Satır aktarılmadı');
    expect(rows[2]).toHaveTextContent('12(tüm satır)kayıt 1.000.000 karakterden uzun (kapatılmamış tırnak?)Satır aktarılmadı');
    expect(rows[3]).toHaveTextContent('14urls2 değer http(s) URL’si değil, örneğin "=javascript:alert(1)"Bu alan olmadan aktarıldı');
    expect(rows[4]).toHaveTextContent('0(tüm satır)73.000. karakterde bozuk JSON: , veya } bekleniyordu; dosyanın geri kalanı okunmadıOkuma durdu');

    await user.click(screen.getByRole('button', { name: 'Tüm hataları indir (CSV)' }));
    const csv = vi.mocked(downloadFile).mock.calls[0]?.[2];
    expect(csv?.split('\r\n')[0]).toBe('"satir","alan","neden","sonuc","kod"');
    expect(csv?.split('\r\n')[1]).toBe('"1234567","timestamp","zaman damgası değil: ""gisteren"" (epoch saniyesi veya ISO 8601, 1990 ile 2100 arasında)","Satır aktarılmadı","not-a-timestamp"');
  });
});

describe('FileErrorAlert in the reader’s language', () => {
  const missing = parseFatal('missing-columns', { kind: 'missing-columns', missing: ['user_id', 'timestamp'], found: ['message_id', 'username'] });

  it('names the missing columns in Dutch, as the file writes them', () => {
    renderWithProviders(<FileErrorAlert code={missing.code} message={missing.message} detail={missing.detail} />, { language: 'nl' });
    const alert = screen.getByTestId('import-file-error');
    expect(alert).toHaveTextContent('De CSV-kop mist verplichte kolommen');
    expect(alert).toHaveTextContent('Details: Ontbreekt: user_id, timestamp. De kop bevat: message_id, username.');
    expect(alert).not.toHaveTextContent('lacks');
  });

  it('says in Turkish why reading stopped, and the limit of a file too large', () => {
    const stop = parseFatal('no-valid-rows', {
      kind: 'stopped',
      issue: { row: 0, field: null, code: 'stopped-incomplete-json', params: NO_PARAMS, action: 'stopped' },
    });
    const { unmount } = renderWithProviders(<FileErrorAlert code={stop.code} message={stop.message} detail={stop.detail} />, { language: 'tr' });
    expect(screen.getByTestId('import-file-error')).toHaveTextContent(
      'Ayrıntılar: Okuma durdu: dosya JSON belgesi tamamlanmadan bitiyor; dosyanın geri kalanı okunmadı.',
    );
    unmount();
    const large = parseFatal('file-too-large', { kind: 'too-large', limit: 2 * 1024 ** 3 });
    renderWithProviders(<FileErrorAlert code={large.code} message={large.message} detail={large.detail} />, { language: 'tr' });
    const alert = screen.getByTestId('import-file-error');
    expect(alert).toHaveTextContent('Dosya 2,0 GB sınırından büyük.');
    expect(alert).not.toHaveTextContent('Ayrıntılar');
  });

  it('shows the message of an error the parser gave no detail for (stored before details, or the browser’s)', () => {
    renderWithProviders(<FileErrorAlert code="binary-file" message="The file looks binary (many control characters)." />, { language: 'nl' });
    expect(screen.getByTestId('import-file-error')).toHaveTextContent('Details: The file looks binary (many control characters).');
  });

  it.each(LANGUAGES)('words every detail in %s', (language) => {
    const t = createI18n(language, { resources }).i18n.getFixedT(language, 'activityImport');
    const texts = [
      fatalDetailText({ kind: 'nul-bytes' }, t, language),
      fatalDetailText({ kind: 'not-utf8' }, t, language),
      fatalDetailText({ kind: 'control-characters' }, t, language),
      fatalDetailText({ kind: 'json-array-not-v2' }, t, language),
      fatalDetailText({ kind: 'json-not-recognised' }, t, language),
      fatalDetailText({ kind: 'first-line-too-long' }, t, language),
      fatalDetailText({ kind: 'no-csv-header' }, t, language),
      fatalDetailText({ kind: 'no-posts' }, t, language),
      fatalDetailText({ kind: 'no-row-valid', rows: 1 }, t, language),
      fatalDetailText({ kind: 'no-row-valid', rows: 2_000 }, t, language),
      fatalDetailText(missing.detail, t, language),
    ];
    for (const text of texts) expect(text).toMatch(/^[^{}]*(\{"data": \[\.\.\.\]\})?[^{}]*$/);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts[9]).toContain(language === 'en' ? '2,000' : '2.000');
    expect(fatalDetailText({ kind: 'empty' }, t, language)).toBeNull();
  });
});
