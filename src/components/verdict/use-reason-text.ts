// Turns an engine reason or missing input (a key and parameters) into a sentence in the current
// language. Parameters that name a policy term (see reason-keys.ts `terms`) are translated first.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { messageKeySpec, type TermVocabulary } from '../../engine/reason-keys';

type PolicyT = TFunction<['engine', 'policy']>;

function termLabel(vocabulary: TermVocabulary, value: string, t: PolicyT): string {
  switch (vocabulary) {
    case 'harmCategory':
      return t(`policy:harmCategory.${value}` as 'policy:harmCategory.physical');
    case 'harmCategoryList':
      return value
        .split(',')
        .filter(Boolean)
        .map((category) => t(`policy:harmCategory.${category}` as 'policy:harmCategory.physical'))
        .join(', ');
    case 'severity':
      return t(`policy:severity.${value}` as 'policy:severity.low');
    case 'signalKind':
      return t(`policy:signalKindShort.${value}` as 'policy:signalKindShort.social');
    case 'signalTechnique':
      return t(`policy:technique.${value}` as 'policy:technique.other-social');
    case 'policyArea':
      return t(`policy:policyArea.${value}` as 'policy:policyArea.violence');
    case 'assessmentQuestion':
      return t(`engine:question.${value}` as 'engine:question.identifiableGroup');
    case 'priorityBand':
      return t(`policy:priorityBand.${value}` as 'policy:priorityBand.none');
  }
}

export function useReasonText(): (key: string, params: Record<string, string | number>) => string {
  const { t } = useTranslation(['engine', 'policy']);
  return useCallback(
    (key, params) => {
      const terms = messageKeySpec(key)?.terms ?? {};
      const translated: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(params)) {
        const vocabulary = terms[name];
        translated[name] = vocabulary && typeof value === 'string' ? termLabel(vocabulary, value, t) : value;
      }
      // Keys come from the engine's closed list (reason-keys.ts); a test checks each has a text.
      return t(`engine:${key}` as 'engine:reason.R2.noSignals', translated);
    },
    [t],
  );
}
