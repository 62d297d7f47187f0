import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { CaseContent } from '../../api/contract/case';
import { GROUP, GROUP_HANDLES } from '../../components/activity-timeline/activity-test-data';
import { signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { fromCaseFormValues, toCaseFormValues, validateForSave, type CaseFormValues } from './case-content';
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

  it('keep a detected signal’s activity timeline and shared texts, and the save check lets them through (issue 16 §1, §4)', () => {
    const signal = sampleSignal({ origin: 'detected', activity: signalActivitySnapshot(GROUP, GROUP_HANDLES), sharedTexts: ['Share this before they delete it'] });
    const content = sampleContent({ signals: [signal] });
    expect(fromCaseFormValues(toCaseFormValues(content)).signals[0]).toBe(signal);
    const checked = validateForSave(content);
    expect(checked.ok && checked.content.signals[0]).toEqual(signal);
  });
});
