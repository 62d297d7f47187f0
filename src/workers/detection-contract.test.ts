// What the worker posts matches the documented contract, and a detected cluster becomes a signal
// the case API accepts.
import { describe, expect, it } from 'vitest';
import { defaultSyntheticParams, generateSyntheticActivity } from '../../scripts/lib/synthetic-activity';
import { DetectionReport, DetectorSettings, DetectorSettingsInput, ParseFatal, ParseIssue, ParseNote } from '../api/contract/detection';
import { parseActivity } from '../engine/detection/activity-parser';
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

  it('carries row issues as codes with params, and reads those stored before codes as their English reason', () => {
    const header = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls';
    const parsed = parseActivity(`${header}\n1,u,=x,,,t,soon,javascript:x\n2,u,a,,,t,1600000000,\n3,u\n`);
    expect(parsed.issues.map((issue) => issue.code)).toEqual(['not-a-timestamp', 'wrong-field-count']);
    for (const issue of parsed.issues) expect(ParseIssue.parse(issue)).toEqual(issue);

    expect(ParseIssue.parse({ row: 3, field: 'timestamp', reason: 'not a timestamp: "x"', action: 'row-skipped' })).toEqual({
      row: 3,
      field: 'timestamp',
      code: 'legacy-reason',
      params: { reason: 'not a timestamp: "x"' },
      action: 'row-skipped',
    });
    // A code with the params of another, an unknown code, a reason beside a code: refused.
    expect(ParseIssue.safeParse({ row: 3, field: null, code: 'too-long', params: { preview: '"x"' }, action: 'row-skipped' }).success).toBe(false);
    expect(ParseIssue.safeParse({ row: 3, field: null, code: 'made-up', params: {}, action: 'row-skipped' }).success).toBe(false);
    expect(ParseIssue.safeParse({ row: 3, field: null, code: 'missing-required', params: { extra: 1 }, action: 'row-skipped' }).success).toBe(false);

    const fatal = parseActivity('name,age\nbob,3\n').fatal;
    expect(ParseFatal.parse(fatal)).toEqual(fatal);
    // Notes: codes, and the English strings of a stored report.
    const notes = parseActivity('message_id,user_id,timestamp\n1,u,1600000000\n', { maxRows: 1 }).notes;
    expect(notes.map((note) => ParseNote.parse(note))).toEqual(notes);
    expect(ParseNote.parse('Row limit reached: only the first 4 rows were read.')).toEqual({ code: 'legacy-note', text: 'Row limit reached: only the first 4 rows were read.' });
    expect(ParseNote.safeParse({ code: 'row-limit' }).success).toBe(false);
    // Stored before `detail`: the message alone.
    expect(ParseFatal.parse({ code: 'empty-file', message: 'The file is empty.' })).toEqual({ code: 'empty-file', message: 'The file is empty.' });
  });
});
