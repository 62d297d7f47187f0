// Issue 16 §1 on the evidence board: a detected signal's card opens the activity timeline it keeps,
// for an editor and for a read-only viewer; a signal without one has no such button.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GROUP, GROUP_HANDLES } from '../../components/activity-timeline/activity-test-data';
import { signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { renderWithProviders } from '../../test/render';
import { EvidenceBoardTab } from './evidence-board-tab';
import { WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';

const detected = sampleSignal({
  id: 'sig-det', origin: 'detected', technique: 'coordinated-reposting', evidenceState: 'unverified', accounts: ['alpha_one', 'bravo_two', 'user-u3'],
  activity: signalActivitySnapshot(GROUP, GROUP_HANDLES),
});
const manual = sampleSignal({ id: 'sig-man', accounts: ['gamma'] });

function renderBoard(readOnly: boolean, language: 'en' | 'tr' = 'en') {
  return renderWithProviders(
    <WorkspaceFormHarness content={sampleContent({ signals: [detected, manual] })} readOnly={readOnly}>
      <EvidenceBoardTab />
    </WorkspaceFormHarness>,
    { language },
  );
}

beforeEach(() => {
  // jsdom has no layout: give the virtualised lanes a size so they render their cards and rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
});

describe('SignalCard: the activity timeline (issue 16 §1)', () => {
  it.each([false, true])('opens the kept timeline in a dialog (read-only: %s)', async (readOnly) => {
    const { user } = renderBoard(readOnly);
    const buttons = await screen.findAllByRole('button', { name: /^Show the activity timeline/ });
    expect(buttons).toHaveLength(1);
    const [button] = buttons;
    if (!button) throw new Error('no button');
    expect(button).toHaveAccessibleName('Show the activity timeline: Coordinated reposting (@alpha_one)');
    expect(button).toHaveAttribute('title', 'Activity timeline: 3 accounts; posts: 7');
    expect(button.closest('article')).toHaveAttribute('data-signal-id', 'sig-det');
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Activity of the signal’s accounts: Coordinated reposting (@alpha_one)' });
    const lanes = within(dialog).getByRole('region', { name: 'Posts per account' });
    expect(within(lanes).getByText('@bravo_two')).toBeInTheDocument();
    expect(dialog.querySelectorAll('[data-co-actions="same-text"]')).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('speaks Turkish', async () => {
    renderBoard(false, 'tr');
    expect(await screen.findByRole('button', { name: /^Etkinlik zaman çizelgesini göster/ })).toHaveAttribute('title', 'Etkinlik zaman çizelgesi: 3 hesap; gönderi: 7');
  });
});
