// Recognises the chosen file's format from its first characters, before the import starts, so the
// analyst sees "CSV" or "this file is binary" at once. The import itself sniffs again in the worker.
import { useEffect, useState } from 'react';
import { sniffFormat } from '../../engine/detection/format-sniffer';
import { DEFAULT_PARSE_LIMITS } from '../../engine/detection/parse-types';
import type { ActivityFormat, ParseFatal } from '../../engine/detection/parse-types';

/** The limits this page imports with (the engine's defaults): shown to the analyst and enforced. */
export const IMPORT_LIMITS = { maxBytes: DEFAULT_PARSE_LIMITS.maxBytes, maxRows: DEFAULT_PARSE_LIMITS.maxRows } as const;

export type SniffState =
  | { status: 'idle' }
  | { status: 'sniffing' }
  | { status: 'recognised'; format: ActivityFormat }
  | { status: 'rejected'; fatal: ParseFatal | { code: 'read-failed'; message: string } };

export async function sniffFile(file: Blob, maxBytes: number = IMPORT_LIMITS.maxBytes): Promise<SniffState> {
  if (file.size > maxBytes) {
    return { status: 'rejected', fatal: { code: 'file-too-large', message: `${file.size} bytes` } };
  }
  let sample: string;
  try {
    sample = await file.slice(0, DEFAULT_PARSE_LIMITS.sniffChars).text();
  } catch (error) {
    return { status: 'rejected', fatal: { code: 'read-failed', message: error instanceof Error ? error.message : String(error) } };
  }
  if (sample.charCodeAt(0) === 0xfeff) sample = sample.slice(1);
  const result = sniffFormat(sample, file.size <= DEFAULT_PARSE_LIMITS.sniffChars);
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
