// The settings form's fields as a table (the schema is the contract's DetectorSettings): a new
// threshold in the engine is one entry here.
import type { DetectorName, DetectorSettings } from '../../engine/detection/settings';

export type SettingsGroup = keyof DetectorSettings;
export type NumericField =
  | 'windowSeconds' | 'minCoItems' | 'minSimilarity' | 'maxNeighbours' | 'minTextChars' | 'minTextSimilarity' | 'bands'
  | 'rows' | 'minBurstReplies' | 'minCoMoments' | 'minLift' | 'maxPValue' | 'densityBinSeconds'
  | 'maxAccountsPerIdentifier' | 'minSharedIps' | 'minAccounts' | 'maxEvidence' | 'maxEdges' | 'minRepliers' | 'incitementLeadSeconds';

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
  { group: 'dogpiling', detector: 'dogpiling', basic: ['windowSeconds', 'minRepliers'], advanced: ['incitementLeadSeconds', 'maxPValue', 'maxNeighbours'] },
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

/** Fields of the dogpiling detector with a help line (`settings.help.dogpiling.*`). */
export const DOGPILING_HELP_FIELDS = ['windowSeconds', 'minRepliers', 'incitementLeadSeconds', 'maxPValue', 'maxNeighbours'] as const;
export type DogpilingHelpField = (typeof DOGPILING_HELP_FIELDS)[number];

/** The field's help line key, when its section has one. */
export function helpFieldOf(section: SettingsSection, field: NumericField): DogpilingHelpField | null {
  if (section.group !== 'dogpiling') return null;
  return (DOGPILING_HELP_FIELDS as readonly NumericField[]).includes(field) ? (field as DogpilingHelpField) : null;
}
