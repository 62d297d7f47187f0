// The detection report contract and dogpiling (issue 16 §5): clusters carry their targets and
// inciters, and a report stored before them (IndexedDB, last-import-storage.ts) still parses.
import { describe, expect, it } from 'vitest';
import { buildDetectionReport } from '../../engine/detection/detection-report';
import { detectCoordination } from '../../engine/detection/detect-coordination';
import { parseActivity } from '../../engine/detection/activity-parser';
import { DEFAULT_DETECTOR_SETTINGS } from '../../engine/detection/settings';
import { CoordinationCluster, DetectionReport, DetectorSettings, DetectorSettingsInput, DogpilingTarget } from './detection';

const HEADER = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls';
const T0 = 1_700_000_000;

/** Background replies over a day, a target's post, an inciter naming it, then 12 repliers within minutes. */
function dogpileCsv(): string {
  const rows = [HEADER];
  for (let k = 0; k < 60; k++) {
    rows.push(`b${k},bg${k},bg${k},,,ordinary post ${k},${T0 + k * 1_200},`);
    rows.push(`br${k},bg${(k + 1) % 60},bg${(k + 1) % 60},,b${k},@bg${k} ok,${T0 + k * 1_200 + 300 + (k % 7) * 400},`);
  }
  rows.push(`t1,victim,victim,,,my opinion,${T0 + 3_600},`);
  rows.push(`i1,caller,caller,,,@victim look at this,${T0 + 40_000},`);
  for (let k = 0; k < 12; k++) rows.push(`p${k},pile${k},pile${k},,t1,@victim shame ${k},${T0 + 40_100 + k * 30},`);
  return `${rows.join('\n')}\n`;
}

function report() {
  const parsed = parseActivity(dogpileCsv());
  return buildDetectionReport(parsed, detectCoordination(parsed.store));
}

describe('the detection contract with dogpiling', () => {
  it('accepts a report whose cluster names its target and inciter', () => {
    const fresh = report();
    const parsed = DetectionReport.parse(JSON.parse(JSON.stringify(fresh)));
    expect(parsed).toEqual(fresh);
    const cluster = parsed.clusters.find((c) => (c.targets ?? []).length > 0);
    expect(cluster?.targets).toEqual([
      expect.objectContaining({ kind: 'post', postId: 't1', accountId: 'victim', username: 'victim', repliers: 12, incitedBy: ['caller'] }),
    ]);
    expect(cluster?.inciters).toEqual([{ accountId: 'caller', username: 'caller', postIds: ['i1'] }]);
    expect(parsed.settings.dogpiling).toEqual(DEFAULT_DETECTOR_SETTINGS.dogpiling);
  });

  it('reads a report stored before dogpiling: no targets, no inciters, no dogpiling settings', () => {
    const fresh = report();
    const { dogpiling: _dropped, ...oldSettings } = fresh.settings;
    const old = {
      ...fresh,
      settings: oldSettings,
      detectors: fresh.detectors.filter((d) => d.detector !== 'dogpiling'),
      clusters: fresh.clusters.map(({ targets: _t, inciters: _i, ...rest }) => ({ ...rest, primaryDetector: 'co-reply', detectors: rest.detectors.map((d) => ({ ...d, detector: 'co-reply' })) })),
    };
    const parsed = DetectionReport.parse(JSON.parse(JSON.stringify(old)));
    expect(parsed.clusters.length).toBeGreaterThan(0);
    for (const cluster of parsed.clusters) {
      expect(cluster.targets).toEqual([]);
      expect(cluster.inciters).toEqual([]);
    }
    expect(parsed.settings.dogpiling).toEqual(DEFAULT_DETECTOR_SETTINGS.dogpiling);
    // A settings form still needs every detector's settings.
    expect(DetectorSettings.safeParse(oldSettings).success).toBe(false);
  });

  it('checks the dogpiling settings and targets', () => {
    expect(DetectorSettings.parse(DEFAULT_DETECTOR_SETTINGS).dogpiling).toEqual(DEFAULT_DETECTOR_SETTINGS.dogpiling);
    expect(DetectorSettingsInput.parse({ dogpiling: { minRepliers: 8, incitementLeadSeconds: 1_800 } })).toEqual({ dogpiling: { minRepliers: 8, incitementLeadSeconds: 1_800 } });
    expect(DetectorSettingsInput.safeParse({ dogpiling: { minRepliers: 1 } }).success).toBe(false);
    expect(DetectorSettingsInput.safeParse({ dogpiling: { leadSeconds: 60 } }).success).toBe(false);
    const target = { kind: 'account', postId: null, accountId: null, username: 'ghost', start: '2024-03-01T00:00:00.000Z', end: '2024-03-01T00:05:00.000Z', repliers: 9, incitedBy: [] };
    expect(DogpilingTarget.parse(target)).toEqual(target);
    expect(DogpilingTarget.safeParse({ ...target, kind: 'thread' }).success).toBe(false);
    expect(DogpilingTarget.safeParse({ ...target, start: '2024-03-01 00:00' }).success).toBe(false);
    const cluster = report().clusters[0];
    expect(CoordinationCluster.safeParse({ ...cluster, inciters: [{ accountId: 'x', username: null, postIds: [] }] }).success).toBe(false);
  });
});
