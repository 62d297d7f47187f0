import { afterEach, describe, expect, it } from 'vitest';
import { fieldId, focusFieldElement, pathAndAncestors, tabForField } from './field-ids';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('field ids', () => {
  it('maps a CaseContent path to a DOM id and to its tab', () => {
    expect(fieldId('harm.physical.severity')).toBe('field-harm--physical--severity');
    expect(fieldId('questions.identifiableGroup')).toBe('field-questions--identifiableGroup');
    expect(tabForField('harm.informational.justification')).toBe('harm');
    expect(tabForField('signals')).toBe('evidence');
    expect(tabForField('rightsRiskAssessment')).toBe('overview');
    expect(pathAndAncestors('a.b.c')).toEqual(['a.b.c', 'a.b', 'a']);
  });

  it('focuses the field, a group’s checked control, or the nearest ancestor’s', () => {
    document.body.innerHTML = `
      <textarea id="${fieldId('rightsRiskAssessment')}"></textarea>
      <fieldset id="${fieldId('harm.physical.severity')}"><input type="radio" name="s" value="low"><input type="radio" name="s" value="high" checked></fieldset>
      <h2 id="${fieldId('signals')}" tabindex="-1">Signals</h2>`;
    expect(focusFieldElement('rightsRiskAssessment')).toBe(true);
    expect(document.activeElement?.id).toBe(fieldId('rightsRiskAssessment'));
    expect(focusFieldElement('harm.physical.severity')).toBe(true);
    expect((document.activeElement as HTMLInputElement).value).toBe('high');
    expect(focusFieldElement('signals.3.technique')).toBe(true);
    expect(document.activeElement?.id).toBe(fieldId('signals'));
    expect(focusFieldElement('questions.identifiableGroup')).toBe(false);
  });
});
