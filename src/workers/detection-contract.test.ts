// What the worker posts matches the documented contract, and a detected cluster becomes a signal
// the case API accepts.
import { describe, expect, it } from 'vitest';
import { defaultSyntheticParams, generateSyntheticActivity } from '../../scripts/lib/synthetic-activity';
import { DetectionReport, DetectorSettings, DetectorSettingsInput } from '../api/contract/detection';
import { CoordinationSignal } from '../api/contract/case';
import { clusterToSignal } from '../engine/detection/cluster-signal';
import { DEFAULT_DETECTOR_SETTINGS, resolveDetectorSettings } from '../engine/detection/settings';
import { createDetectionClient } from './detection-client';

describe('the detection report contract', () => {
  it('accepts the report of a run over synthetic activity, and every cluster as a case signal', async () => {
    const dataset = generateSyntheticActivity({ ...defaultSyntheticParams(20_000, 11), clustersPerKind: 1 });
    const client = createDetectionClient();
    const result = await client.run({ kind: 'text', chunks: [...dataset.csvChunks(64 * 1024)] }, { maxIssues: 100 }).result;
    client.dispose();
    if (result.status !== 'done') throw new Error(`expected done, got ${result.status}`);
    const report = DetectionReport.parse(result.report);
    expect(report.clusters.length).toBeGreaterThanOrEqual(5);
    for (const cluster of report.clusters) {
      const signal = CoordinationSignal.parse(clusterToSignal(cluster));
      expect(signal.origin).toBe('detected');
      expect(signal.evidenceState).toBe('unverified');
    }
  }, 60_000);

  it('accepts the default settings and rejects impossible ones', () => {
    expect(DetectorSettings.parse(DEFAULT_DETECTOR_SETTINGS)).toEqual(DEFAULT_DETECTOR_SETTINGS);
    const tooManyBins = { ...DEFAULT_DETECTOR_SETTINGS, nearDuplicate: { ...DEFAULT_DETECTOR_SETTINGS.nearDuplicate, bands: 8, rows: 5 } };
    expect(DetectorSettings.safeParse(tooManyBins).success).toBe(false);
    const negativeWindow = { ...DEFAULT_DETECTOR_SETTINGS, coLink: { ...DEFAULT_DETECTOR_SETTINGS.coLink, windowSeconds: -5 } };
    expect(DetectorSettings.safeParse(negativeWindow).success).toBe(false);
  });

  it('reads a partial settings file and merges it over the defaults', () => {
    const input = DetectorSettingsInput.parse({ coRetweet: { windowSeconds: 30 }, clustering: { minAccounts: 2 } });
    const settings = resolveDetectorSettings(input);
    expect(settings.coRetweet).toEqual({ ...DEFAULT_DETECTOR_SETTINGS.coRetweet, windowSeconds: 30 });
    expect(settings.clustering.minAccounts).toBe(2);
    expect(DetectorSettingsInput.safeParse({ coRetweet: { window: 30 } }).success).toBe(false);
    expect(DetectorSettingsInput.safeParse({ unknown: {} }).success).toBe(false);
  });
});
