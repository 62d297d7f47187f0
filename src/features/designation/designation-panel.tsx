// The live designation panel: the engine's verdict for the case as it stands in the form, recomputed
// in the browser on every change (no network round trip).
import { useLayoutEffect, useMemo } from 'react';
import { usePublishLiveVerdict } from '../../components/verdict/live-verdict';
import { VerdictView } from '../../components/verdict/verdict-view';
import type { CaseContentModel } from '../../engine/case-model';
import { evaluate } from '../../engine/evaluate';
import type { Verdict } from '../../engine/verdict';

export interface DesignationPanelProps {
  content: CaseContentModel;
  /** The instant the verdict is computed for; passed in so the engine never reads the clock. */
  now: string;
  /** Jump to the field a missing input points at (a CaseContent dot path). */
  onFocusField: (path: string) => void;
}

/** Performance mark set on every commit of a new verdict; `npm run bench` measures input → this mark. */
export const PANEL_COMMIT_MARK = 'designation-panel:commit';

export function DesignationPanel({ content, now, onFocusField }: DesignationPanelProps) {
  const verdict = useStableVerdict(useMemo(() => evaluate(content, { now }), [content, now]));
  // The panel is up to date with this content once this commit lands (the verdict view itself only
  // re-renders when the verdict changed).
  useLayoutEffect(() => {
    performance.clearMarks(PANEL_COMMIT_MARK);
    performance.mark(PANEL_COMMIT_MARK);
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- the mark times each new content
  }, [content]);
  // The case page's summaries of it (the bottom bar on small screens) show this verdict, not one of their own.
  usePublishLiveVerdict(verdict);
  return <VerdictView verdict={verdict} onFocusField={onFocusField} live />;
}

/**
 * Most keystrokes (a justification, a description) leave the verdict as it was: the verdict's
 * identity then stays the same, so the memoised view skips rendering. Serialising costs tens of µs.
 */
function useStableVerdict(next: Verdict): Verdict {
  const json = JSON.stringify(next);
  return useMemo(() => JSON.parse(json) as Verdict, [json]);
}
