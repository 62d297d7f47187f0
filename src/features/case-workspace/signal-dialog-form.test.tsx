import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CoordinationSignal } from '../../api/contract/case';
import { GROUP, GROUP_HANDLES } from '../../components/activity-timeline/activity-test-data';
import { signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { renderWithProviders } from '../../test/render';
import { SignalDialog, newSignalValues, signalResolver, toFormValues } from './signal-dialog-form';
import { sampleSignal } from './workspace-test-fixtures';

function renderDialog(initial = newSignalValues('technical:on-platform')) {
  const onSave = vi.fn<(signal: CoordinationSignal) => void>();
  const result = renderWithProviders(<SignalDialog mode="add" initial={initial} onClose={() => undefined} onSave={onSave} />);
  const dialog = within(screen.getByRole('dialog', { name: 'Add a coordination signal' }));
  return { ...result, onSave, dialog };
}

describe('SignalDialog', () => {
  it('accepts a complete signal: handles without @, a UTC window, http(s) sources', async () => {
    const { user, dialog, onSave } = renderDialog();
    await user.type(dialog.getByRole('textbox', { name: 'Description' }), 'Same device for four accounts');
    await user.type(dialog.getByRole('textbox', { name: 'Accounts involved' }), '@first_acc{Enter}second.acc{Enter}');
    await user.type(dialog.getByLabelText('Window start (UTC)'), '2024-03-01T10:00');
    await user.type(dialog.getByLabelText('Window end (UTC)'), '2024-03-02T18:30');
    await user.click(dialog.getByRole('button', { name: 'Add source link' }));
    await user.type(dialog.getByRole('textbox', { name: 'Source link 1' }), 'https://reports.example/1');
    await user.click(dialog.getByRole('button', { name: 'Add signal' }));
    expect(onSave).toHaveBeenCalledOnce();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      kind: 'technical',
      observed: 'on-platform',
      technique: 'multiple-accounts-same-message',
      accounts: ['first_acc', 'second.acc'],
      window: { start: '2024-03-01T10:00:00Z', end: '2024-03-02T18:30:00Z' },
      sources: ['https://reports.example/1'],
      evidenceState: 'unverified',
      origin: 'manual',
    });
  });

  it('does not add a signal from an untouched dialog: it asks for a description and focuses it', async () => {
    const { user, dialog, onSave } = renderDialog();
    await user.click(dialog.getByRole('button', { name: 'Add signal' }));
    expect(onSave).not.toHaveBeenCalled();
    const description = dialog.getByRole('textbox', { name: 'Description' });
    expect(description).toHaveAccessibleDescription('Required');
    expect(description).toHaveFocus();
    // Blanks are no description either.
    await user.type(description, '   ');
    await user.click(dialog.getByRole('button', { name: 'Add signal' }));
    expect(onSave).not.toHaveBeenCalled();
    await user.type(description, 'Same device for four accounts');
    await user.click(dialog.getByRole('button', { name: 'Add signal' }));
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('refuses a javascript: source, an empty source row, a bad handle and a window that ends before it starts', async () => {
    const { user, dialog, onSave } = renderDialog();
    await user.type(dialog.getByRole('textbox', { name: 'Description' }), 'Same device for four accounts');
    const accounts = dialog.getByRole('textbox', { name: 'Accounts involved' });
    await user.type(accounts, 'not a handle!{Enter}');
    expect(dialog.getByText('Use letters, digits, _ . or - only.')).toBeVisible();
    await user.clear(accounts);

    await user.click(dialog.getByRole('button', { name: 'Add source link' }));
    await user.type(dialog.getByRole('textbox', { name: 'Source link 1' }), 'javascript:alert(document.cookie)');
    await user.click(dialog.getByRole('button', { name: 'Add source link' }));
    await user.type(dialog.getByLabelText('Window start (UTC)'), '2024-03-02T10:00');
    await user.type(dialog.getByLabelText('Window end (UTC)'), '2024-03-01T10:00');
    await user.click(dialog.getByRole('button', { name: 'Add signal' }));

    expect(onSave).not.toHaveBeenCalled();
    expect(dialog.getByText('Only http:// and https:// links are allowed.')).toBeVisible();
    expect(dialog.getByText('Required')).toBeVisible();
    expect(dialog.getByText('The end must be after the start.')).toBeVisible();
  });

  it('keeps the technique valid for the kind (R1)', async () => {
    const { user, dialog } = renderDialog();
    await user.click(dialog.getByRole('combobox', { name: 'Technical or social' }));
    await user.click(screen.getByRole('option', { name: 'Social coordination' }));
    expect(dialog.getByRole('combobox', { name: 'Technique' })).toHaveTextContent('Other social coordination');
    await user.click(dialog.getByRole('combobox', { name: 'Technique' }));
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toContain('Inciting followers to reply abusively (dogpiling)');
    expect(options).not.toContain('Fake engagement');
  });

  it('keeps a detected signal’s activity timeline and shared texts through an edit (issue 16 §1, §4)', async () => {
    const activity = signalActivitySnapshot(GROUP, GROUP_HANDLES);
    const sharedTexts = ['Share this before they delete it'];
    const signal = sampleSignal({ origin: 'detected', evidenceState: 'unverified', activity, sharedTexts });
    const onSave = vi.fn<(saved: CoordinationSignal) => void>();
    const { user } = renderWithProviders(<SignalDialog mode="edit" initial={toFormValues(signal)} onClose={() => undefined} onSave={onSave} />);
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('combobox', { name: 'Evidence state' }));
    await user.click(screen.getByRole('option', { name: 'Corroborated' }));
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledOnce();
    expect(onSave.mock.calls[0]?.[0]).toEqual({ ...signal, evidenceState: 'corroborated' });
    // Neither is an input of the dialog.
    expect(dialog.queryByDisplayValue(sharedTexts[0] ?? '')).not.toBeInTheDocument();
  });

  it('round-trips an existing signal through the form shape unchanged', async () => {
    const signal = sampleSignal();
    const result = await signalResolver(toFormValues(signal), undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(signal);
  });
});
