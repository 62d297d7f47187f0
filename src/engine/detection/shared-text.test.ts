// Issue 16 §4: texts compare across cases by the co-post detector's normal form, cut at 140.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterToSignal } from './cluster-signal';
import type { ClusterEvidence, CoordinationCluster } from './clustering';
import { MIN_SHARED_TEXT_CHARS, SHARED_TEXT_KEY_CHARS, sharedTextKey } from './shared-text';
import { normaliseText } from './text-features';

const COPY_PASTA = 'They are lying to you about the flood barrier. Share before it is deleted, the council will not tell you this';

describe('sharedTextKey', () => {
  it('ignores case, mentions, links and spacing, as the co-post detector does (R1)', () => {
    expect(sharedTextKey(`@someone   ${COPY_PASTA.toUpperCase()} https://example.com/x`)).toBe(sharedTextKey(COPY_PASTA));
  });

  it('matches a detector label (the normal form cut at 140 with an ellipsis) to the full post', () => {
    const long = `${COPY_PASTA} ${COPY_PASTA}`;
    const label = `${normaliseText(long).slice(0, 140)}…`;
    expect(sharedTextKey(label)).toBe(sharedTextKey(long));
    expect(sharedTextKey(long)?.length).toBeLessThanOrEqual(SHARED_TEXT_KEY_CHARS);
  });

  it('says nothing for short texts', () => {
    expect(sharedTextKey('so true!!')).toBeNull();
    expect(sharedTextKey('   ')).toBeNull();
  });

  it('is idempotent and at most 140 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const key = sharedTextKey(raw);
        expect(key === null || (key.length >= MIN_SHARED_TEXT_CHARS && key.length <= SHARED_TEXT_KEY_CHARS)).toBe(true);
        expect(key === null ? null : sharedTextKey(key)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});

function evidence(detector: ClusterEvidence['detector'], label: string): ClusterEvidence {
  return { detector, label, postIds: ['1'], accounts: ['a', 'b'], start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z' };
}

describe('a detected signal keeps the texts its accounts posted alike', () => {
  it('takes the text detectors’ labels, skipping short ones and other detectors’ labels', () => {
    const cluster: CoordinationCluster = {
      id: 'c1', accounts: [{ id: 'a', username: 'alpha' }, { id: 'b', username: 'beta' }], score: 0.9, strength: 'strong', detectors: [],
      primaryDetector: 'co-post', suggestedSignal: { kind: 'technical', technique: 'multiple-accounts-same-message' },
      window: { start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T01:00:00.000Z' },
      evidence: [evidence('co-post', normaliseText(COPY_PASTA)), evidence('co-post', normaliseText(COPY_PASTA)), evidence('near-duplicate', 'ok'), evidence('co-link', 'example.com/a-long-enough-link-label')],
      evidenceCount: 4, edges: [], edgeCount: 0,
    };
    expect(clusterToSignal(cluster).sharedTexts).toEqual([normaliseText(COPY_PASTA)]);
    expect(clusterToSignal({ ...cluster, evidence: [] })).not.toHaveProperty('sharedTexts');
  });
});
