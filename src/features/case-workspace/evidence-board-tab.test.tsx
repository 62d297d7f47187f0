import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { EvidenceBoardTab } from './evidence-board-tab';
import { SIGNAL_DRAG_TYPE } from './signal-card';
import { HarnessProbe, WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';

const signals = [
  sampleSignal({ id: 'sig-a', evidenceState: 'sufficient', strength: 'strong', accounts: ['alpha', 'beta'] }),
  sampleSignal({ id: 'sig-b', technique: 'fake-engagement', evidenceState: 'unverified', strength: 'weak', accounts: ['alpha'] }),
  sampleSignal({ id: 'sig-c', technique: 'trend-manipulation', evidenceState: 'corroborated', strength: 'moderate', accounts: ['gamma'] }),
  sampleSignal({ id: 'sig-d', kind: 'social', technique: 'synchronised-posting', observed: 'off-platform', evidenceState: 'corroborated', accounts: ['delta'], sources: ['javascript:alert(1)'] }),
];

function renderBoard(readOnly = false) {
  const probe = new HarnessProbe();
  const result = renderWithProviders(
    <WorkspaceFormHarness content={sampleContent({ signals })} probe={probe} readOnly={readOnly}>
      <EvidenceBoardTab />
    </WorkspaceFormHarness>,
  );
  return { ...result, probe };
}

const count = (lane: string) => screen.getByTestId(`lane-count-${lane}`);
const lane = (id: string) => document.querySelector<HTMLElement>(`[data-lane="${id}"]`) ?? document.body;

/** Opens the "Move to…" menu of the social signal by keyboard, as a keyboard user would. */
async function openMoveMenu(user: ReturnType<typeof renderBoard>['user']) {
  screen.getByRole('button', { name: 'Move signal to another lane: Synchronised posting (@delta)' }).focus();
  await user.keyboard('{Enter}');
  return screen.findByRole('menu');
}

beforeEach(() => {
  // jsdom has no layout: give the virtualised lanes a size so they render their cards.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
});

describe('EvidenceBoardTab', () => {
  it('links a detected signal to its cluster in the network view, and only a detected one', () => {
    const probe = new HarnessProbe();
    renderWithProviders(
      <WorkspaceFormHarness
        content={sampleContent({ signals: [sampleSignal({ id: 'sig-det', origin: 'detected' }), sampleSignal({ id: 'sig-man' })] })}
        probe={probe}
      >
        <EvidenceBoardTab />
      </WorkspaceFormHarness>,
    );
    const links = screen.getAllByRole('link', { name: 'Show in the network view' });
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', '/network/sig-det');
    expect(links[0]?.closest('article')).toHaveAttribute('data-signal-id', 'sig-det');
  });

  it('shows four lanes with counts, every card’s facts, and the accounts across signals', () => {
    renderBoard();
    expect(count('technical:on-platform')).toHaveTextContent('Signals: 3');
    expect(count('technical:off-platform')).toHaveTextContent('Signals: 0');
    expect(count('social:on-platform')).toHaveTextContent('Signals: 0');
    expect(count('social:off-platform')).toHaveTextContent('Signals: 1');
    const card = within(lane('technical:on-platform')).getAllByRole('article')[0] ?? document.body;
    expect(within(card).getByRole('heading', { name: 'Technical linkages between accounts' })).toBeVisible();
    expect(within(card).getByText('Sufficient')).toBeVisible();
    expect(within(card).getByText('Strength: Strong')).toBeVisible();
    expect(within(card).getByText('@alpha')).toBeVisible();
    expect(within(card).getByRole('link', { name: 'example.org' })).toHaveAttribute('rel', 'noopener noreferrer');
    // A stored non-http link is shown as text, never as an href.
    expect(within(lane('social:off-platform')).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Accounts across signals: 4' })).toBeVisible();
    expect(screen.getByRole('button', { name: '@alpha (2)' })).toBeVisible();
  });

  it('filters by evidence state, strength and account, and says how many each lane shows', async () => {
    const { user } = renderBoard();
    await user.click(screen.getByRole('button', { name: 'Sufficient' }));
    expect(count('technical:on-platform')).toHaveTextContent('Shown: 1 of 3');
    expect(within(lane('social:off-platform')).getByText('No signal here matches the filters.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Corroborated' }));
    expect(count('technical:on-platform')).toHaveTextContent('Shown: 2 of 3');
    await user.click(screen.getByRole('button', { name: 'Moderate' }));
    expect(count('technical:on-platform')).toHaveTextContent('Shown: 1 of 3');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.click(screen.getByRole('button', { name: '@alpha (2)' }));
    expect(count('technical:on-platform')).toHaveTextContent('Shown: 2 of 3');
    expect(screen.getByText('Account: @alpha')).toBeVisible();
  });

  it('moving a card by keyboard to the other kind asks for a technique of that kind, and changes nothing until answered (R1)', async () => {
    const { user, probe } = renderBoard();
    const openMenu = () => openMoveMenu(user);
    const menu = await openMenu();
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Move to Technical · On-platform',
      'Move to Technical · Off-platform',
      'Move to Social · On-platform',
    ]);
    await user.keyboard('{ArrowDown}{Enter}');

    // Asked, not replaced: the signal has not moved and its technique is untouched.
    let dialog = await screen.findByRole('dialog', { name: 'Move “Synchronised posting” to Technical · Off-platform' });
    expect(dialog).toHaveAccessibleDescription(/“Synchronised posting” is a Social technique; a Technical signal needs a Technical technique \(R1\)/);
    expect(probe.values?.signals.find((s) => s.id === 'sig-d')).toMatchObject({ kind: 'social', observed: 'off-platform', technique: 'synchronised-posting' });
    // The choices are the engine's technical techniques, none picked for the analyst.
    const options = within(dialog).getAllByRole('radio');
    expect(options.map((option) => option.closest('label')?.textContent)).toContain('Fake engagement');
    expect(options.map((option) => option.closest('label')?.textContent)).not.toContain('Synchronised posting');
    expect(options.every((option) => !(option as HTMLInputElement).checked)).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Move with this technique' }));
    expect(within(dialog).getByText('Choose a technique, or keep the current one.')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Leave it where it is' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(count('social:off-platform')).toHaveTextContent('Signals: 1');
    expect(probe.values?.signals.find((s) => s.id === 'sig-d')?.kind).toBe('social');

    // Asked again; this time a technical technique is chosen.
    await openMenu();
    await user.keyboard('{ArrowDown}{Enter}');
    dialog = await screen.findByRole('dialog', { name: /^Move “Synchronised posting”/ });
    await user.click(within(dialog).getByRole('radio', { name: 'Fake engagement' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move with this technique' }));
    expect(count('technical:off-platform')).toHaveTextContent('Signals: 1');
    expect(count('social:off-platform')).toHaveTextContent('Signals: 0');
    expect(probe.values?.signals.find((s) => s.id === 'sig-d')).toMatchObject({ kind: 'technical', observed: 'off-platform', technique: 'fake-engagement' });
    const announcement = screen.getAllByRole('status').find((element) => element.textContent?.includes('moved to'));
    expect(announcement).toHaveTextContent('“Synchronised posting” moved to Technical · Off-platform. Its technique is now “Fake engagement”.');
    await waitFor(() =>
      expect(within(lane('technical:off-platform')).getByRole('button', { name: /^Move signal to another lane/ })).toHaveFocus(),
    );
  });

  it('keeps the technique on a move to the other kind when asked to, and flags the signal (R1)', async () => {
    const { user, probe } = renderBoard();
    await openMoveMenu(user);
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Move “Synchronised posting” to Technical · On-platform' });
    await user.click(within(dialog).getByRole('button', { name: 'Move and keep “Synchronised posting”' }));
    expect(probe.values?.signals.find((s) => s.id === 'sig-d')).toMatchObject({ kind: 'technical', observed: 'on-platform', technique: 'synchronised-posting' });
    const card = screen.getByRole('article', { name: 'Synchronised posting' });
    expect(within(card).getByText('Not a Technical technique (R1)')).toBeVisible();
    const announcement = screen.getAllByRole('status').find((element) => element.textContent?.includes('moved to'));
    expect(announcement).toHaveTextContent('the signal is flagged (R1)');
    // "Edit" opens the signal to correct it.
    await user.click(within(announcement ?? document.body).getByRole('button', { name: 'Edit' }));
    expect(await screen.findByRole('dialog', { name: 'Edit the coordination signal' })).toBeVisible();
  });

  it('moves a card within its kind at once, keeping its technique', async () => {
    const { user, probe } = renderBoard();
    await openMoveMenu(user);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(probe.values?.signals.find((s) => s.id === 'sig-d')).toMatchObject({ kind: 'social', observed: 'on-platform', technique: 'synchronised-posting' });
    expect(screen.getAllByRole('status').find((element) => element.textContent?.includes('moved to'))).toHaveTextContent('“Synchronised posting” moved to Social · On-platform.');
  });

  it('asks the same when a card is dragged onto a lane of the other kind', async () => {
    const { user, probe } = renderBoard();
    const card = within(lane('technical:on-platform')).getAllByRole('article')[0] ?? document.body;
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: 'none',
      dropEffect: 'none',
    };
    fireEvent(card, Object.assign(createEvent.dragStart(card), { dataTransfer }));
    expect(data.get(SIGNAL_DRAG_TYPE)).toBe('sig-a');
    const target = lane('social:on-platform');
    fireEvent(target, Object.assign(createEvent.dragOver(target), { dataTransfer }));
    fireEvent(target, Object.assign(createEvent.drop(target), { dataTransfer }));
    const dialog = await screen.findByRole('dialog', { name: 'Move “Technical linkages between accounts” to Social · On-platform' });
    expect(probe.values?.signals.find((s) => s.id === 'sig-a')).toMatchObject({ kind: 'technical', technique: 'technical-linkage' });
    await user.click(within(dialog).getByRole('radio', { name: 'Inciting followers to reply abusively (dogpiling)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move with this technique' }));
    expect(count('social:on-platform')).toHaveTextContent('Signals: 1');
    expect(probe.values?.signals.find((s) => s.id === 'sig-a')).toMatchObject({ kind: 'social', observed: 'on-platform', technique: 'incitement-dogpiling' });
  });

  it('removes a signal with undo', async () => {
    const { user, probe } = renderBoard();
    await user.click(screen.getByRole('button', { name: 'Remove signal: Fake engagement (@alpha)' }));
    expect(count('technical:on-platform')).toHaveTextContent('Signals: 2');
    expect(probe.values?.signals.map((s) => s.id)).toEqual(['sig-a', 'sig-c', 'sig-d']);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(count('technical:on-platform')).toHaveTextContent('Signals: 3');
    expect(probe.values?.signals.map((s) => s.id)).toEqual(['sig-a', 'sig-b', 'sig-c', 'sig-d']);
  });

  it('offers no edit controls on a read-only case', () => {
    renderBoard(true);
    expect(screen.queryByRole('button', { name: 'Add signal' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Move signal/ })).not.toBeInTheDocument();
    expect(within(lane('technical:on-platform')).getAllByRole('article')[0]).toHaveAttribute('draggable', 'false');
  });

  it('marks a signal with the harm categories whose evidence names it (R6a)', async () => {
    const content = sampleContent({ signals });
    content.harm.psychological.evidence = [
      { id: 'ev-1', description: 'Dogpile of a clinic worker', observed: 'on-platform', date: null, source: '', link: '', credibleSource: true, signalIds: ['sig-a'] },
    ];
    renderWithProviders(
      <WorkspaceFormHarness content={content}>
        <EvidenceBoardTab />
      </WorkspaceFormHarness>,
    );
    const card = (await screen.findAllByRole('article')).find((article) => article.getAttribute('data-signal-id') === 'sig-a');
    expect(card).toBeDefined();
    expect(within(card as HTMLElement).getByText('Harm: Psychological')).toBeVisible();
    const other = screen.getAllByRole('article').find((article) => article.getAttribute('data-signal-id') === 'sig-b');
    expect(within(other as HTMLElement).queryByText(/^Harm:/)).toBeNull();
  });
});
