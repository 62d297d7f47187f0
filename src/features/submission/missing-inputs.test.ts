import { describe, expect, it } from 'vitest';
import { recommendedCase } from '../../engine/test-fixtures';
import { mergeMissing, previewSubmission } from './missing-inputs';

const NOW = '2026-03-01T12:00:00.000Z';

describe('previewSubmission (R13: an incomplete case is not submitted, issue 12 §5)', () => {
  it('lists every input the engine finds missing, not only the questions and the rights assessment', () => {
    const content = recommendedCase({ harm: { physical: { evidence: [] } }, rightsRiskAssessment: '' });
    const preview = previewSubmission(content, NOW);
    expect(preview.outcome).toBe('incomplete');
    expect(preview.missing).toEqual([
      { kind: 'engine', path: 'harm.physical.evidence', key: 'missing.R6a.evidence', params: { category: 'physical', severity: 'high' } },
      { kind: 'rightsRiskAssessment' },
    ]);
    expect(previewSubmission(recommendedCase(), NOW)).toEqual({ outcome: 'recommended', missing: [] });
  });

  it('adds what only the server named, once per field', () => {
    const preview = previewSubmission(recommendedCase({ harm: { physical: { evidence: [] } } }), NOW).missing;
    const merged = mergeMissing(preview, [{ kind: 'other', path: 'harm.physical.evidence' }, { kind: 'other', path: 'signals' }]);
    expect(merged.map((input) => input.kind)).toEqual(['engine', 'other']);
  });
});
