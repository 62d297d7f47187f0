// Renders field-level changes as "path: before → after" (R19: "why did informational harm go from
// moderate to high?"). Values from the policy's vocabularies are shown in the user's language.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { useUserName } from '../api/client/user-queries';
import type { FieldChange } from '../api/contract/audit';
import { SignalActivity } from '../api/contract/case';
import {
  ActorKind,
  CaseStatus,
  EnforcementActionType,
  EnforcementTarget,
  EvidenceState,
  Observed,
  Severity,
  SignalKind,
  SignalStrength,
  SignalTechnique,
  VerdictOutcome,
} from '../api/contract/policy-terms';
import { activitySummary } from './activity-timeline/activity-summary';
import { formatDateTime } from './date-time';
import type { en as FieldChangeTexts } from './field-change-locales';
import { visuallyHidden } from './visually-hidden';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_TEXT = 400;

type ChangeT = TFunction<['fieldChange', 'policy']>;

/** A policy term by the field it sits in; `null` when the value is not one. */
function termLabel(path: string, value: string, t: ChangeT): string | null {
  const last = path.split('.').pop() ?? '';
  if (last === 'severity' && Severity.safeParse(value).success) return t(`policy:severity.${Severity.parse(value)}`);
  if (last === 'evidenceState' && EvidenceState.safeParse(value).success) return t(`policy:evidenceState.${EvidenceState.parse(value)}`);
  if (last === 'strength' && SignalStrength.safeParse(value).success) return t(`policy:strength.${SignalStrength.parse(value)}`);
  if (last === 'observed' && Observed.safeParse(value).success) return t(`policy:observed.${Observed.parse(value)}`);
  if (last === 'technique' && SignalTechnique.safeParse(value).success) return t(`policy:technique.${SignalTechnique.parse(value)}`);
  if (path === 'actor.kind' && ActorKind.safeParse(value).success) return t(`policy:actorKind.${ActorKind.parse(value)}`);
  if (path.startsWith('signals') && last === 'kind' && SignalKind.safeParse(value).success) return t(`policy:signalKindShort.${SignalKind.parse(value)}`);
  if (path === 'status' && CaseStatus.safeParse(value).success) return t(`policy:status.${CaseStatus.parse(value)}`);
  if (path === 'verdict' && VerdictOutcome.safeParse(value).success) return t(`policy:verdict.${VerdictOutcome.parse(value)}`);
  if (path.startsWith('enforcementActions') && last === 'type' && EnforcementActionType.safeParse(value).success) {
    return t(`policy:actionShort.${EnforcementActionType.parse(value)}`);
  }
  if (path.startsWith('enforcementActions') && last === 'target' && EnforcementTarget.safeParse(value).success) {
    return t(`policy:target.${EnforcementTarget.parse(value)}`);
  }
  const decision = DecisionKindWord.safeParse(value);
  if ((last === 'decision' || last === 'outcome') && decision.success) return t(`decisionKind.${decision.data}`);
  return null;
}

/** The words of a decision as the trail stores them (review decisions, R3 and R15 proposals). */
const DecisionKindWord = z.enum(['approve', 'return', 'reject', 'apply', 'dismiss', 'applied', 'dismissed']);

/** Fields that hold a person's id: shown by the person's name. */
const PERSON_FIELD = /(By|^ownerId|^reviewerId|^actorId)$/;

type FieldKey = keyof (typeof FieldChangeTexts)['field'];

/** One segment of a change's path: `harm`, or `signals[sig-12]` (an item by its id or handle). */
const PATH_SEGMENT = /(?:^|\.)([^.[]+)(?:\[([^\]]*)\])?/g;

/**
 * A change's path in words (issue 15 §2): `harm.informational.severity` reads "Harm › informational ›
 * severity", `signals[sig-12].strength` "Signal sig-12 › strength", `accounts[grey_relay_07]` "Account
 * @grey_relay_07". A name without a label (a field added later) stays as it is written.
 */
export function fieldPathLabel(path: string, t: ChangeT, hasLabel: (key: string) => boolean): string {
  const isFieldKey = (key: string): key is FieldKey => hasLabel(`fieldChange:field.${key}`);
  const labels = [...path.matchAll(PATH_SEGMENT)].map(([, name = '', id]) => {
    const key = name === '$order' ? 'order' : name;
    const label = isFieldKey(key) ? t(`field.${key}`) : name;
    if (id === undefined) return label;
    return name === 'accounts' ? `${label} @${id}` : `${label} ${id}`;
  });
  return labels.length > 0 ? labels.join(' › ') : path;
}

/**
 * A value in words: policy terms by their labels, instants in the reader's language, and an item that
 * was added or removed as its fields in words ("Action: Limit visibility; target: grey_relay_07; …")
 * rather than its JSON. `hasLabel` tells which field names have a label (i18n.exists).
 */
export function formatChangeValue(
  path: string,
  value: unknown,
  t: ChangeT,
  language: string,
  hasLabel: (key: string) => boolean = () => false,
  userName: (userId: string) => string = (userId) => userId,
): string {
  if (value === null || value === undefined || value === '') return t('empty');
  // Issue 16 §1: a signal's activity snapshot is thousands of marks; in words it is its extent.
  if (path.split('.').pop() === 'activity') {
    const snapshot = SignalActivity.safeParse(value);
    if (snapshot.success) {
      const { accounts, posts, start, end } = activitySummary(snapshot.data);
      return t('activitySummary', { accounts: accounts.toLocaleString(language), count: posts, start: formatDateTime(start, language), end: formatDateTime(end, language) });
    }
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return value.toLocaleString(language);
  if (typeof value === 'string') {
    if (PERSON_FIELD.test(path.split('.').pop() ?? '')) return userName(value);
    const term = termLabel(path, value, t);
    if (term) return term;
    if (ISO_INSTANT.test(value)) return formatDateTime(value, language);
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('empty');
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return value.map((item) => formatChangeValue(path, item, t, language, hasLabel, userName)).join(', ');
    }
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const isFieldKey = (key: string): key is FieldKey => hasLabel(`fieldChange:field.${key}`);
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => key !== 'id' && item !== null && item !== '' && !(Array.isArray(item) && item.length === 0))
      .map(([key, item]) => `${isFieldKey(key) ? t(`field.${key}`) : key}: ${formatChangeValue(`${path}.${key}`, item, t, language, hasLabel, userName)}`);
    if (parts.length > 0) {
      const text = parts.join('; ');
      return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
    }
  }
  const json = JSON.stringify(value);
  return json.length > MAX_TEXT ? `${json.slice(0, MAX_TEXT)}…` : json;
}

function ChangeRow({ change }: { change: FieldChange }) {
  const { t, i18n } = useTranslation(['fieldChange', 'policy']);
  const hasLabel = (key: string) => i18n.exists(key);
  const userName = useUserName();
  const added = change.before === null && typeof change.after === 'object' && change.after !== null;
  const removed = change.after === null && typeof change.before === 'object' && change.before !== null;
  return (
    <Box component="li" sx={{ py: 0.5, overflowWrap: 'anywhere' }} data-path={change.path}>
      <Box component="span" sx={{ fontWeight: 600 }}>
        {fieldPathLabel(change.path, t, hasLabel)}
      </Box>
      {': '}
      {added && <span>({t('added')}) {formatChangeValue(change.path, change.after, t, i18n.language, hasLabel, userName)}</span>}
      {removed && <span>({t('removed')}) {formatChangeValue(change.path, change.before, t, i18n.language, hasLabel, userName)}</span>}
      {!added && !removed && (
        <>
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {formatChangeValue(change.path, change.before, t, i18n.language, hasLabel, userName)}
          </Box>
          <span aria-hidden="true"> → </span>
          <Box component="span" sx={visuallyHidden}>
            {` ${t('changedTo')} `}
          </Box>
          <Box component="span" sx={{ fontWeight: 600 }}>
            {formatChangeValue(change.path, change.after, t, i18n.language, hasLabel, userName)}
          </Box>
        </>
      )}
    </Box>
  );
}

/** The list, collapsed after `initial` rows so one large import does not flood the page. */
export function FieldChangeList({ changes, initial = 12 }: { changes: readonly FieldChange[]; initial?: number }) {
  const { t } = useTranslation('fieldChange');
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? changes : changes.slice(0, initial);
  return (
    <Box>
      <Box component="ul" aria-label={t('listLabel')} sx={{ m: 0, pl: 2.5 }}>
        {shown.map((change) => (
          <ChangeRow key={change.path} change={change} />
        ))}
      </Box>
      {changes.length > initial && (
        <Button size="small" onClick={() => setExpanded((value) => !value)} aria-expanded={expanded}>
          {expanded ? t('less') : t('more', { count: changes.length - initial })}
        </Button>
      )}
    </Box>
  );
}
