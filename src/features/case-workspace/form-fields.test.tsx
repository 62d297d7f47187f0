// The case form's text fields hold their own value (issue 3): typing must not re-render the field,
// only its count of characters (issue 15 §8), whose limit is the contract's.
import type * as TextFieldModule from '@mui/material/TextField';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Actor, AssessmentQuestions, HarmAssessment, HarmEvidenceItem } from '../../api/contract/case';
import { maxLengthOf } from '../../components/character-count';
import { renderWithProviders } from '../../test/render';
import { caseTextMaxLength, FormTextField } from './form-fields';
import { WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent } from './workspace-test-fixtures';

/** Renders of MUI's TextField, by the field's id. */
const textFieldRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('@mui/material/TextField', async (importOriginal) => {
  const { createElement } = await import('react');
  const actual = await importOriginal<typeof TextFieldModule>();
  const Real = actual.default;
  function CountedTextField(props: Parameters<typeof Real>[0]) {
    const id = String(props.id);
    textFieldRenders.set(id, (textFieldRenders.get(id) ?? 0) + 1);
    return createElement(Real, props);
  }
  return { ...actual, default: CountedTextField };
});

function renderFields(readOnly = false) {
  return renderWithProviders(
    <WorkspaceFormHarness content={sampleContent()} readOnly={readOnly}>
      <FormTextField name="actor.name" label="Name" required />
      <FormTextField name="rightsRiskAssessment" label="Rights" multiline minRows={2} />
    </WorkspaceFormHarness>,
  );
}

describe('FormTextField', () => {
  it('counts the characters as the user types without re-rendering the field itself', async () => {
    textFieldRenders.clear();
    const { user } = renderFields();
    const rights = screen.getByRole('textbox', { name: 'Rights' });
    const count = screen.getByTestId('character-count');
    const before = (rights as HTMLTextAreaElement).value.length;
    await user.click(rights);
    const rendersBefore = new Map(textFieldRenders);
    await user.keyboard('Speech');
    expect(count).toHaveTextContent(`${(before + 6).toLocaleString('en')} / ${(20_000).toLocaleString('en')}`);
    expect(count).toBeVisible();
    // The count line moved; neither the field typed in nor its neighbour did.
    expect(textFieldRenders.get('field-rightsRiskAssessment')).toBe(rendersBefore.get('field-rightsRiskAssessment'));
    expect(textFieldRenders.get('field-actor--name')).toBe(rendersBefore.get('field-actor--name'));
  });

  it('has no count on a one-line field nor on a read-only case', () => {
    renderFields(true);
    expect(screen.queryByTestId('character-count')).not.toBeInTheDocument();
  });
});

describe('caseTextMaxLength', () => {
  it('finds each text’s limit in the contract by the field’s path', () => {
    expect(caseTextMaxLength('actor.purpose')).toBe(maxLengthOf(Actor.shape.purpose));
    expect(caseTextMaxLength('questions.risksOfApplying')).toBe(maxLengthOf(AssessmentQuestions.shape.risksOfApplying));
    expect(caseTextMaxLength('harm.physical.justification')).toBe(maxLengthOf(HarmAssessment.shape.justification));
    expect(caseTextMaxLength('harm.informational.evidence.12.description')).toBe(maxLengthOf(HarmEvidenceItem.shape.description));
    expect(caseTextMaxLength('harm.informational.evidence.0.source')).toBe(500);
  });

  it('refuses a path that is not a text of the case form', () => {
    expect(() => caseTextMaxLength('actor.nickname')).toThrow(/no field actor.nickname/);
    expect(() => caseTextMaxLength('actor.activismContext')).toThrow(/no maximum length/);
  });
});
