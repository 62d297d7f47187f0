import { describe, expect, it } from 'vitest';
import { parseActivity } from '../../engine/detection/activity-parser';
import { sniffFile } from './format-sniff';

const HEADER = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls';
const post = (id: string, message: string) => JSON.stringify({ message_id: id, user_id: 'u', timestamp: 1_600_000_000, message });

// Issue 14, defect 7: the page's early check and the worker's import read the same sample, so they
// agree, also when the first line is longer than the 64 KiB sniff window.
describe('sniffFile agrees with the import on long first lines', () => {
  const extra = Array.from({ length: 7_000 }, (_, i) => `extra_column_${i}`);
  it.each([
    ['NDJSON, first line of 70,000 characters', `${post('1', 'x'.repeat(69_900))}\n${post('2', 'y')}\n`, 'ndjson'],
    ['NDJSON, non-ASCII first line cut by the byte window', `${post('1', 'é🔥'.repeat(30_000))}\n${post('2', 'y')}\n`, 'ndjson'],
    ['CSV, header over 64 KiB', `${[HEADER, ...extra].join(',')}\n1,u,a,,,t,1600000000,${',x'.repeat(extra.length)}\n`, 'csv'],
    ['CSV, short header', `${HEADER}\n1,u,a,,,t,1600000000,\n`, 'csv'],
    ['Twitter v2 on one long line', JSON.stringify({ data: [{ id: '1', author_id: '2', created_at: '2021-01-01T00:00:00Z', text: 'z'.repeat(90_000) }] }), 'twitter-v2'],
  ])('%s', async (_name, text, format) => {
    const sniff = await sniffFile(new Blob([text]));
    expect(sniff).toEqual({ status: 'recognised', format });
    expect(parseActivity(text).format).toBe(format);
  });

  it('rejects a first line longer than a record may be, as the import does', async () => {
    const text = `${HEADER},${'x'.repeat(1_100_000)}\n1,u\n`;
    const sniff = await sniffFile(new Blob([text]));
    expect(sniff).toMatchObject({ status: 'rejected', fatal: { code: 'unknown-format' } });
    expect(parseActivity(text).fatal?.code).toBe('unknown-format');
  });
});
