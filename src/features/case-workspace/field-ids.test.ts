import { afterEach, describe, expect, it } from 'vitest';
import { fieldId, focusFieldElement, harmCategoryForField, pathAndAncestors, tabForField } from './field-ids';
import { createSectionStore, showSectionOf } from './workspace-context';

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

  it('names the harm category sub-tab that holds a field (issue 15 §4), and shows it before a jump', () => {
    expect(harmCategoryForField('harm.psychological.evidence')).toBe('psychological');
    expect(harmCategoryForField('harm.informational.rubric.sources')).toBe('informational');
    expect(harmCategoryForField('harm')).toBeNull();
    expect(harmCategoryForField('harm.nonsense.severity')).toBeNull();
    expect(harmCategoryForField('signals.0.accounts')).toBeNull();

    const sections = createSectionStore();
    expect(sections.getState().harmCategory).toBe('physical');
    showSectionOf(sections, 'harm.informational.justification');
    expect(sections.getState().harmCategory).toBe('informational');
    // A field outside the harm categories leaves the sub-tab where it was.
    showSectionOf(sections, 'rightsRiskAssessment');
    expect(sections.getState().harmCategory).toBe('informational');
  });

  it('focuses a segmented control’s pressed button, else its first (R6 rubric criteria)', () => {
    document.body.innerHTML = `
      <fieldset id="${fieldId('harm.physical.rubric.sources')}"><button type="button" aria-pressed="false">Low</button><button type="button" aria-pressed="true">High</button></fieldset>
      <fieldset id="${fieldId('harm.physical.rubric.magnitude')}"><button type="button" aria-pressed="false">Low</button><button type="button" aria-pressed="false">High</button></fieldset>`;
    expect(focusFieldElement('harm.physical.rubric.sources')).toBe(true);
    expect(document.activeElement?.textContent).toBe('High');
    expect(focusFieldElement('harm.physical.rubric.magnitude')).toBe(true);
    expect(document.activeElement?.textContent).toBe('Low');
  });
});
