// Human labels for a field of the case: which field a conflict's difference is in (and its value as
// plain text), or which field the autosave could not send (named beside "Submit for review").
import type { TFunction } from 'i18next';
import type { CoordinationSignal, HarmEvidenceItem } from '../../api/contract/case';
import { activitySummary } from '../../components/activity-timeline/activity-summary';
import { HARM_CATEGORIES, type HarmCategory } from '../../engine/policy-terms';
import { isAbsent, type ContentDifference, type PathSegment } from './content-diff';

type T = TFunction<['workspace', 'policy']>;

function isCategory(value: string | undefined): value is HarmCategory {
  return (HARM_CATEGORIES as readonly string[]).includes(value ?? '');
}

const ACTOR_LABELS = {
  kind: 'overview.kind',
  name: 'overview.name',
  aliases: 'overview.aliases',
  purpose: 'overview.purpose',
  geographies: 'overview.geographies',
  languages: 'overview.languages',
  hashtags: 'overview.hashtags',
  keywords: 'overview.keywords',
  trendTerms: 'overview.trendTerms',
  activismContext: 'overview.activism',
} as const;

const HARM_LABELS = {
  policyAreas: 'harm.policyAreas',
  severity: 'conflict.severity',
  justification: 'harm.justification',
} as const;

function part(segment: unknown): string {
  return typeof segment === 'string' ? segment : '';
}

/** "Overview › Name", "Physical › Severity", "Evidence board › Signal". */
export function differenceLabel(difference: ContentDifference, t: T): string {
  return pathLabel(difference.path, difference.key, t);
}

const EVIDENCE_FIELD_LABELS = {
  description: 'harm.evidenceDescription',
  observed: 'harm.evidenceObserved',
  date: 'harm.evidenceDate',
  source: 'harm.evidenceSource',
  link: 'harm.evidenceLink',
  credibleSource: 'harm.evidenceCredible',
} as const;

/**
 * A form path as the user reads it, e.g. `harm.physical.evidence.0.link` -> "Physical evidence item 1 › Link"
 * (numbered as the harm tab numbers its items).
 */
export function fieldLabel(path: string, t: T): string {
  const segments = path.split('.');
  const [head, category, third, index, field] = segments;
  if (head === 'harm' && third === 'evidence' && index !== undefined && /^\d+$/.test(index)) {
    const item = t('harm.evidenceItem', { number: Number(index) + 1, category: isCategory(category) ? t(`policy:harmCategory.${category}`) : part(category) });
    const key = EVIDENCE_FIELD_LABELS[part(field) as keyof typeof EVIDENCE_FIELD_LABELS];
    return key ? `${item} › ${t(key)}` : item;
  }
  return pathLabel(segments, path, t);
}

function pathLabel(path: readonly PathSegment[], fallback: string, t: T): string {
  const [head, second, third, fourth] = path;
  switch (head) {
    case 'actor': {
      const key = ACTOR_LABELS[part(second) as keyof typeof ACTOR_LABELS];
      return `${t('tabs.overview')} › ${key ? t(key) : part(second)}`;
    }
    case 'questions':
      return `${t('overview.questionsHeading')} › ${t(`policy:question.${part(second) as 'identifiableGroup'}`)}`;
    case 'rightsRiskAssessment':
      return `${t('tabs.overview')} › ${t('overview.rightsHeading')}`;
    case 'settings':
      return `${t('overview.settingsHeading')} › ${part(second) === 'visibilityLimitDays' ? t('overview.visibilityLimitDays') : t('overview.reviewIntervalDays')}`;
    case 'signals':
      return `${t('tabs.evidence')} › ${t('conflict.signal')}`;
    case 'harm': {
      const category = part(second);
      const categoryLabel = isCategory(category) ? t(`policy:harmCategory.${category}`) : category;
      const field = part(third);
      if (field === 'evidence') return `${categoryLabel} › ${t('conflict.evidenceItem')}`;
      if (field === 'rubric') return `${categoryLabel} › ${t(`policy:rubricCriterion.${part(fourth) as 'magnitude'}`)}`;
      const key = HARM_LABELS[field as keyof typeof HARM_LABELS];
      return `${categoryLabel} › ${key ? t(key) : field}`;
    }
    default:
      return fallback;
  }
}

function isSignal(value: unknown): value is CoordinationSignal {
  return typeof value === 'object' && value !== null && 'technique' in value && 'evidenceState' in value;
}

function isEvidence(value: unknown): value is HarmEvidenceItem {
  return typeof value === 'object' && value !== null && 'description' in value && 'credibleSource' in value;
}

function activityText(activity: NonNullable<CoordinationSignal['activity']>, t: T): string {
  const summary = activitySummary(activity);
  return t('conflict.activity', { count: summary.accounts, posts: summary.posts, from: new Date(summary.start), to: new Date(summary.end) });
}

/** A value as text (React escapes it; nothing here is markup). */
export function differenceValue(value: unknown, t: T): string {
  if (isAbsent(value)) return t('conflict.absent');
  if (value === null || value === undefined) return t('conflict.none');
  if (typeof value === 'boolean') return value ? t('conflict.yes') : t('conflict.no');
  if (typeof value === 'string') return value === '' ? t('conflict.empty') : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? t('conflict.empty') : value.map((entry) => differenceValue(entry, t)).join(', ');
  if (isSignal(value)) {
    return [
      t(`policy:technique.${value.technique}`),
      `${t(`policy:signalKindShort.${value.kind}`)} · ${t(`policy:observed.${value.observed}`)}`,
      t(`policy:evidenceState.${value.evidenceState}`),
      t(`policy:strength.${value.strength}`),
      value.accounts.map((account) => `@${account}`).join(', '),
      value.description,
      // Issue 16 §1, §4: what the detected signal keeps, in words (never its data).
      value.activity ? activityText(value.activity, t) : '',
      value.sharedTexts && value.sharedTexts.length > 0 ? t('conflict.sharedTexts', { count: value.sharedTexts.length }) : '',
    ].filter(Boolean).join(' — ');
  }
  if (isEvidence(value)) {
    return [value.description, value.date ?? '', value.source, value.link].filter(Boolean).join(' — ');
  }
  return JSON.stringify(value);
}

/** One side of a difference as text, with policy terms translated where the path says what they are. */
export function sideText(difference: ContentDifference, side: 'mine' | 'theirs', t: T): string {
  const value = difference[side];
  const last = difference.path.at(-1);
  const [head, , third] = difference.path;
  if (typeof value === 'string' && value !== '') {
    if (head === 'actor' && last === 'kind') return t(`policy:actorKind.${value as 'group'}`);
    if (head === 'harm' && (last === 'severity' || third === 'rubric')) return t(`policy:severity.${value as 'low'}`);
  }
  if (head === 'harm' && last === 'policyAreas' && Array.isArray(value)) {
    return value.length === 0 ? t('conflict.empty') : value.map((area) => t(`policy:policyArea.${area as 'violence'}`)).join(', ');
  }
  return differenceValue(value, t);
}
