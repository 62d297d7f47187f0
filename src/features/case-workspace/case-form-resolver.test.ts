import { describe, expect, it } from 'vitest';
import type { ResolverOptions } from 'react-hook-form';
import { toCaseFormValues, type CaseFormValues } from './case-content';
import { caseFormResolver } from './case-form-resolver';
import { sampleContent } from './workspace-test-fixtures';

const options: ResolverOptions<CaseFormValues> = { fields: {}, names: ['actor.name'], shouldUseNativeValidation: false };

describe('caseFormResolver', () => {
  it('does not validate inside the task that asked (a keystroke), only after it', async () => {
    const values = toCaseFormValues(sampleContent());
    values.actor.name = '';
    let settled = false;
    const result = caseFormResolver(values, undefined, options);
    void Promise.resolve(result).then(() => { settled = true; });
    // Microtasks run before the keystroke's task ends; the schema must not have answered by then.
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
    expect(settled).toBe(false);
    const { errors } = await result;
    expect(errors).toHaveProperty('actor.name');
  });

  it('answers with the values when they are valid', async () => {
    const values = toCaseFormValues(sampleContent());
    const { errors, values: parsed } = await caseFormResolver(values, undefined, options);
    expect(errors).toEqual({});
    expect(parsed).toMatchObject({ actor: { name: values.actor.name } });
  });
});
