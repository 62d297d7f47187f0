// Turns any failure into a sentence the user can act on, in their language.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client/http-client';

export function apiErrorText(error: unknown, t: TFunction<'common'>): string {
  if (!(error instanceof ApiError)) {
    return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  }
  switch (error.code) {
    case 'network':
      return t('error.network');
    case 'server-error':
      return t('error.server', { status: error.status });
    case 'bad-response':
      return error.status >= 500 ? t('error.server', { status: error.status }) : t('error.badResponse');
    case 'forbidden':
      return t('error.forbidden', { reason: error.message });
    case 'unauthenticated':
      return t('error.unauthenticated');
    case 'validation':
      return t('error.validation');
    case 'payload-too-large':
      return t('error.tooLarge');
    case 'rate-limited':
      return t('error.rateLimited');
    case 'precondition-failed':
      return t('error.stale', { version: error.currentVersion ?? '?' });
    // The server's reason stays as it wrote it (the rules' English), after a sentence in the reader's language.
    case 'not-found':
      return t('error.notFound', { reason: error.message });
    case 'invalid-transition':
      return t('error.invalidTransition', { reason: error.message });
    case 'precondition-required':
      return t('error.preconditionRequired');
    default:
      return error.message;
  }
}

/** Maps a field error message key from the contract (e.g. 'link.httpOnly') to a translated text. */
export function fieldErrorText(message: string | undefined, t: TFunction<'common'>): string | undefined {
  if (!message) return undefined;
  switch (message) {
    case 'required':
      return t('field.required');
    case 'link.httpOnly':
      return t('field.httpOnly');
    case 'account.handleFormat':
      return t('field.handleFormat');
    case 'window.order':
      return t('field.windowOrder');
    case 'text.nul':
      return t('field.nul');
    case 'request.target':
      return t('field.requestTarget');
    case 'request.tooMany':
      return t('field.requestTooMany');
    case 'request.onlyOnReturn':
      return t('field.requestOnlyOnReturn');
    case 'assign.unknown':
      return t('field.assignUnknown');
    case 'assign.role':
      return t('field.assignRole');
    case 'assign.fourEyes':
      return t('field.assignFourEyes');
    case 'mention.unknown':
      return t('field.mentionUnknown');
    case 'mention.tooMany':
      return t('field.mentionTooMany');
    case 'mention.notInText':
      return t('field.mentionNotInText');
    case 'review.associationsUndecided':
      return t('field.associationsUndecided');
    case 'review.notAssociated':
      return t('field.notAssociated');
    case 'manipulation.noAccounts':
      return t('field.manipulationNoAccounts');
    case 'manipulation.notInTrack':
      return t('field.manipulationNotInTrack');
    case 'reapplication.notReapplicable':
      return t('field.reapplicationNotReapplicable');
    case 'reapplication.beforeExpiry':
      return t('field.reapplicationBeforeExpiry');
    default: {
      // zod's "Too big: expected string to have <=5000 characters": say the limit (issue 15 §8).
      const limit = /<=\s*(\d+)/.exec(message)?.[1];
      if (limit) return t('field.tooLongMax', { max: Number(limit) });
      return /too big|too long/i.test(message) ? t('field.tooLong') : t('field.invalid');
    }
  }
}

/** The two translators above, bound to the current language. */
export function useErrorText() {
  const { t } = useTranslation('common');
  return useMemo(
    () => ({
      apiError: (error: unknown) => apiErrorText(error, t),
      fieldError: (message: string | undefined) => fieldErrorText(message, t),
    }),
    [t],
  );
}
