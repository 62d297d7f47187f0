// The account endpoints' field errors in the person's language: password policy keys
// (`password.tooShort`, …) and `login.taken` come from the backend's identity rules.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client/http-client';

const PASSWORD_KEYS = ['tooShort', 'common', 'containsName', 'wrong', 'required', 'tooLong'] as const;

/** The translated message for one field of a refused request, or undefined when that field is fine. */
export function accountFieldError(error: unknown, field: string, t: TFunction<'accounts'>): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = error.fieldErrors.filter((fieldError) => fieldError.path === field).map((fieldError) => {
    const [scope, key] = fieldError.message.split('.');
    if (scope === 'password' && PASSWORD_KEYS.some((known) => known === key)) return t(`password.${key as (typeof PASSWORD_KEYS)[number]}`);
    if (fieldError.message === 'login.taken') return t('admin.login_taken');
    return fieldError.message;
  });
  return messages.length > 0 ? messages.join(' ') : undefined;
}
