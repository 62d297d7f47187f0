// A live region should speak when the verdict changes, not on every keystroke: this returns the text
// to announce, which changes only with the outcome.
import { useEffect, useRef, useState } from 'react';
import type { VerdictOutcome } from '../../engine/policy-terms';

export function useVerdictAnnouncement(outcome: VerdictOutcome): VerdictOutcome | null {
  const previous = useRef(outcome);
  const [announced, setAnnounced] = useState<VerdictOutcome | null>(null);
  useEffect(() => {
    if (previous.current !== outcome) {
      previous.current = outcome;
      setAnnounced(outcome);
    }
  }, [outcome]);
  return announced;
}
