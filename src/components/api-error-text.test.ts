// Field errors in words (issue 15 §8): "Too long" says the limit, in the reader's language.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createI18n } from '../app/i18n';
import { resources } from '../app/i18n-resources';
import { ApiError } from '../api/client/http-client';
import { apiErrorText, fieldErrorText } from './api-error-text';

/** zod's own message for a text over its limit, as the forms' resolver passes it on. */
const tooLong = z.string().max(5_000).safeParse('x'.repeat(5_001)).error?.issues[0]?.message;

describe('fieldErrorText', () => {
  it('says the limit of a text that is too long, with the number in the reader’s language', () => {
    for (const [language, text] of [
      ['en', 'Too long: at most 5,000 characters'],
      ['nl', 'Te lang: hoogstens 5.000 tekens'],
      ['tr', 'Çok uzun: en fazla 5.000 karakter'],
    ] as const) {
      const { i18n } = createI18n(language, { resources });
      expect(fieldErrorText(tooLong, i18n.getFixedT(language, 'common'))).toBe(text);
    }
  });

  it('says "Too long" when the message names no limit, and "Invalid" otherwise', () => {
    const { i18n } = createI18n('en', { resources });
    const t = i18n.getFixedT('en', 'common');
    expect(fieldErrorText('Too big', t)).toBe('Too long');
    expect(fieldErrorText('something else', t)).not.toMatch(/Too long/);
  });
});

describe('apiErrorText', () => {
  it('says what a refused step means in the reader’s language, the server’s reason after it', () => {
    const { i18n } = createI18n('nl', { resources });
    const t = i18n.getFixedT('nl', 'common');
    const conflict = new ApiError({ status: 409, code: 'invalid-transition', message: 'Only a case in review can be decided.' });
    expect(apiErrorText(conflict, t)).toBe('Dit kan niet in de huidige staat van de zaak. Laad opnieuw om te zien hoe die nu is. (Only a case in review can be decided.)');
    expect(apiErrorText(new ApiError({ status: 404, code: 'not-found', message: 'No case x.' }), t)).toMatch(/^Niet gevonden: .*\(No case x\.\)$/);
    expect(apiErrorText(new ApiError({ status: 428, code: 'precondition-required', message: 'If-Match required' }), t)).not.toMatch(/If-Match/);
  });
});
