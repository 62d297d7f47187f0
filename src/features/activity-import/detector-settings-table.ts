// The settings form's schema and its fields as a table: a new threshold in the engine is one row here.
import { z } from 'zod';
import type { DetectorName, DetectorSettings } from '../../engine/detection/settings';

const seconds = z.number().int().min(1).max(30 * 24 * 3_600);
const count = (max: number) => z.number().int().min(1).max(max);
const share = z.number().min(0).max(1);

const coAction = {
  enabled: z.boolean(),
  windowSeconds: seconds,
  minCoItems: count(1_000),
  minSimilarity: share,
  maxPValue: z.number().gt(0).max(1),
  maxNeighbours: count(10_000),
};

export const DetectorSettingsSchema = z.object({
  coPost: z.object({ ...coAction, minTextChars: count(10_000) }),
  nearDuplicate: z
    .object({ ...coAction, minTextChars: count(10_000), bands: count(32), rows: count(32), minTextSimilarity: share })
    .refine((s) => s.bands * s.rows <= 32, { path: ['rows'], message: 'bands × rows ≤ 32' }),
  coLink: z.object(coAction),
  coRetweet: z.object(coAction),
  coReply: z.object({ ...coAction, minBurstReplies: count(10_000) }),
  synchronised: z.object({
    enabled: z.boolean(),
    windowSeconds: seconds,
    minCoMoments: count(10_000),
    minLift: z.number().min(1).max(1e9),
    maxPValue: z.number().gt(0).max(1),
    maxNeighbours: count(10_000),
    densityBinSeconds: seconds,
  }),
  sharedIdentifier: z.object({ enabled: z.boolean(), maxAccountsPerIdentifier: count(100_000), minSharedIps: count(1_000) }),
  clustering: z.object({ minAccounts: z.number().int().min(2).max(10_000), maxEvidence: count(1_000), maxEdges: count(100_000) }),
}) satisfies z.ZodType<DetectorSettings>;

export type SettingsGroup = keyof DetectorSettings;
export type NumericField =
  | 'windowSeconds' | 'minCoItems' | 'minSimilarity' | 'maxNeighbours' | 'minTextChars' | 'minTextSimilarity' | 'bands'
  | 'rows' | 'minBurstReplies' | 'minCoMoments' | 'minLift' | 'maxPValue' | 'densityBinSeconds'
  | 'maxAccountsPerIdentifier' | 'minSharedIps' | 'minAccounts' | 'maxEvidence' | 'maxEdges';

export interface SettingsSection {
  group: SettingsGroup;
  /** The detector the group configures; clustering has none. */
  detector: DetectorName | null;
  /** Shown beside the on/off switch. */
  basic: NumericField[];
  advanced: NumericField[];
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { group: 'coPost', detector: 'co-post', basic: ['windowSeconds'], advanced: ['minCoItems', 'minSimilarity', 'maxPValue', 'minTextChars', 'maxNeighbours'] },
  {
    group: 'nearDuplicate', detector: 'near-duplicate', basic: ['windowSeconds'],
    advanced: ['minCoItems', 'minSimilarity', 'maxPValue', 'minTextChars', 'minTextSimilarity', 'bands', 'rows', 'maxNeighbours'],
  },
  { group: 'coLink', detector: 'co-link', basic: ['windowSeconds'], advanced: ['minCoItems', 'minSimilarity', 'maxPValue', 'maxNeighbours'] },
  { group: 'coRetweet', detector: 'co-retweet', basic: ['windowSeconds'], advanced: ['minCoItems', 'minSimilarity', 'maxPValue', 'maxNeighbours'] },
  { group: 'coReply', detector: 'co-reply', basic: ['windowSeconds'], advanced: ['minCoItems', 'minSimilarity', 'maxPValue', 'minBurstReplies', 'maxNeighbours'] },
  {
    group: 'synchronised', detector: 'synchronised-posting', basic: ['windowSeconds'],
    advanced: ['minCoMoments', 'minLift', 'maxPValue', 'maxNeighbours', 'densityBinSeconds'],
  },
  { group: 'sharedIdentifier', detector: 'shared-identifier', basic: [], advanced: ['maxAccountsPerIdentifier', 'minSharedIps'] },
  { group: 'clustering', detector: null, basic: ['minAccounts'], advanced: ['maxEvidence', 'maxEdges'] },
];

/** Input step per field: fractions for shares and probabilities, whole numbers elsewhere. */
export function stepOf(field: NumericField): number | 'any' {
  if (field === 'minSimilarity' || field === 'minTextSimilarity') return 0.05;
  if (field === 'maxPValue' || field === 'minLift') return 'any';
  return 1;
}
