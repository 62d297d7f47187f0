import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { CaseContent } from '../../api/contract/case';
import { fromCaseFormValues, toCaseFormValues, type CaseFormValues } from './case-content';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';

describe('the case form values', () => {
  it('stand for the CaseContent they came from', () => {
    const content = sampleContent({ signals: [sampleSignal()] });
    expect(fromCaseFormValues(toCaseFormValues(content))).toEqual(content);
  });

  it('reach value subscribers with the signals by reference: a keystroke does not copy them (issue 3)', () => {
    const content = sampleContent({ signals: Array.from({ length: 50 }, (_, i) => sampleSignal({ id: `sig-${i}` })) });
    const { result } = renderHook(() => useForm<CaseFormValues>({ defaultValues: toCaseFormValues(content) }));
    const seen: CaseContent[] = [];
    act(() => {
      result.current.subscribe({ formState: { values: true }, callback: ({ values }) => seen.push(fromCaseFormValues(values)) });
    });
    act(() => result.current.setValue('rightsRiskAssessment', 'Typed'));
    const last = seen.at(-1);
    expect(last?.rightsRiskAssessment).toBe('Typed');
    expect(last?.signals).toBe(content.signals);
  });
});
