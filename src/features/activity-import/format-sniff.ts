// Recognises the chosen file's format from its first characters, before the import starts, so the
// analyst sees "CSV" or "this file is binary" at once. The import itself sniffs again in the worker,
// from the same sample (`SniffSample`: the first 64 KiB, or the whole first line when it is longer),
// so the two never disagree.
import { useEffect, useState } from 'react';
import { SniffSample, sniffFormat } from '../../engine/detection/format-sniffer';
import { parseFatal } from '../../engine/detection/parse-messages';
import { DEFAULT_PARSE_LIMITS } from '../../engine/detection/parse-types';
import type { ActivityFormat, ParseFatal } from '../../engine/detection/parse-types';

/** The limits this page imports with (the engine's defaults): shown to the analyst and enforced. */
export const IMPORT_LIMITS = { maxBytes: DEFAULT_PARSE_LIMITS.maxBytes, maxRows: DEFAULT_PARSE_LIMITS.maxRows } as const;

export type SniffState =
  | { status: 'idle' }
  | { status: 'sniffing' }
  | { status: 'recognised'; format: ActivityFormat }
  | { status: 'rejected'; fatal: ParseFatal | { code: 'read-failed'; message: string; detail?: undefined } };

export async function sniffFile(file: Blob, maxBytes: number = IMPORT_LIMITS.maxBytes): Promise<SniffState> {
  if (file.size > maxBytes) {
    return { status: 'rejected', fatal: parseFatal('file-too-large', { kind: 'too-large', limit: maxBytes }) };
  }
  const { sniffChars, maxRecordChars } = DEFAULT_PARSE_LIMITS;
  const sample = new SniffSample(sniffChars, maxRecordChars);
  // Decoded as a stream (a slice may cut a character in two); TextDecoder drops a BOM, as the worker's does.
  const decoder = new TextDecoder('utf-8');
  let ready = false;
  let offset = 0;
  try {
    // Usually one read of 64 KiB; a long first line takes a few more, each twice the last.
    for (let size = sniffChars; !ready && offset < file.size; size *= 2) {
      const end = Math.min(file.size, offset + size);
      const bytes = await file.slice(offset, end).arrayBuffer();
      offset = end;
      ready = sample.push(decoder.decode(bytes, { stream: offset < file.size }));
    }
    if (!ready) ready = sample.push(decoder.decode());
  } catch (error) {
    return { status: 'rejected', fatal: { code: 'read-failed', message: error instanceof Error ? error.message : String(error) } };
  }
  const result = sniffFormat(sample.sample(!ready), !ready);
  return result.ok ? { status: 'recognised', format: result.format } : { status: 'rejected', fatal: result.fatal };
}

export function useFormatSniff(file: File | null): SniffState {
  const [state, setState] = useState<{ file: File | null; sniff: SniffState }>({ file: null, sniff: { status: 'idle' } });
  useEffect(() => {
    if (!file) return;
    let live = true;
    void sniffFile(file).then((sniff) => {
      if (live) setState({ file, sniff });
    });
    return () => {
      live = false;
    };
  }, [file]);
  if (!file) return { status: 'idle' };
  return state.file === file ? state.sniff : { status: 'sniffing' };
}
