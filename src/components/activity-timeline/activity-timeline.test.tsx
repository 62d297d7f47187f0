import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { renderWithProviders } from '../../test/render';
import { ActivityTimeline } from './activity-timeline';
import { fromClusterActivity, fromSignalActivity } from './activity-timeline-model';
import { GROUP, GROUP_HANDLES, T0, activityOf } from './activity-test-data';
import { SignalActivityDialog } from './signal-activity';

const LIVE = fromClusterActivity(GROUP, GROUP_HANDLES);

function renderTimeline(model = LIVE, language: 'en' | 'nl' | 'tr' = 'en') {
  return renderWithProviders(<ActivityTimeline model={model} timeZone="UTC" />, { language });
}

beforeEach(() => {
  // jsdom has no layout: give the virtualised lanes a size so they render their rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});

const range = () => screen.getByTestId('activity-view-range').textContent ?? '';

describe('ActivityTimeline (issue 16 §1)', () => {
  it('draws a lane per account with its marks, the co-actions by shape and colour, and a legend of the five co-actions', async () => {
    renderTimeline();
    const figure = await screen.findByRole('figure', { name: /^Activity of 3 accounts from Nov 14, 2023, 10:13:00 PM to Nov 14, 2023, 11:04:00 PM/ });
    const lanes = within(figure).getByRole('region', { name: 'Posts per account' });
    expect(within(lanes).getAllByRole('listitem').map((item) => item.querySelector('span')?.textContent)).toEqual(['@alpha_one', '@bravo_two', '@user-u3']);
    // alpha_one keeps 3 of its 4 posts as marks, and says so.
    expect(within(lanes).getByText('4 posts, 3 drawn')).toBeInTheDocument();
    const marks = figure.querySelectorAll('[data-mark]');
    expect(marks).toHaveLength(6);
    const sameText = figure.querySelector('[data-co-actions="same-text"]');
    const plain = figure.querySelector('[data-co-actions=""]');
    // Told apart by shape (the referenced path) as well as by colour.
    expect(sameText?.getAttribute('href')).toMatch(/-same-text$/);
    expect(plain?.getAttribute('href')).toMatch(/-none$/);
    expect(sameText?.getAttribute('fill')).not.toBe(plain?.getAttribute('fill'));
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Same text', 'Same link', 'Same repost', 'Reply burst', 'Same moment', 'Post without co-action',
    ]);
    expect(screen.getByText('Posts per minute')).toBeInTheDocument();
    expect(screen.getByTestId('activity-bursts')).toHaveTextContent('1 burst (far more posts than usual): Nov 14, 2023, 10:43:00 PM to Nov 14, 2023, 10:44:00 PM, 2 posts');
  });

  it('zooms and pans by keyboard on the lanes, and by its buttons, within the period', async () => {
    const { user } = renderTimeline();
    const lanes = await screen.findByRole('region', { name: 'Posts per account' });
    expect(range()).toMatch(/^Showing Nov 14, 2023, 10:13:00 PM to Nov 14, 2023, 11:04:00 PM · 6 marks in view$/);
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Earlier' })).toBeDisabled();
    lanes.focus();
    await user.keyboard('+');
    const zoomed = range();
    expect(zoomed).not.toMatch(/10:13:00 PM to/);
    expect(screen.getByRole('status')).toHaveTextContent(/^Showing /);
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeEnabled();
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(range()).toMatch(/^Showing Nov 14, 2023, 10:13:00 PM to/);
    expect(screen.getByRole('button', { name: 'Earlier' })).toBeDisabled();
    await user.keyboard('{ArrowRight}');
    expect(range()).not.toMatch(/^Showing Nov 14, 2023, 10:13:00 PM to/);
    await user.keyboard('0');
    expect(range()).toMatch(/10:13:00 PM to Nov 14, 2023, 11:04:00 PM/);
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    await user.click(screen.getByRole('button', { name: 'Later' }));
    await user.click(screen.getByRole('button', { name: 'Show the whole period' }));
    expect(range()).toMatch(/10:13:00 PM to Nov 14, 2023, 11:04:00 PM/);
    // Far in: never narrower than a minute.
    lanes.focus();
    for (let i = 0; i < 12; i++) await user.keyboard('+');
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
  });

  it('steps through an account’s posts by keyboard and shows the one chosen with Enter', async () => {
    const { user } = renderTimeline();
    const lanes = await screen.findByRole('region', { name: 'Posts per account' });
    lanes.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('status')).toHaveTextContent('@bravo_two, 2 posts');
    await user.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(screen.getByRole('status')).toHaveTextContent('@bravo_two: Nov 14, 2023, 10:43:25 PM, Repost, Same repost, Same moment');
    await user.keyboard('{Enter}');
    const details = screen.getByRole('region', { name: 'Selected post' });
    expect(within(details).getByText('@bravo_two')).toBeInTheDocument();
    expect(within(details).getByText('Repost')).toBeInTheDocument();
    expect(within(details).getByText('Same repost')).toBeInTheDocument();
    expect(within(details).getByText('Same moment')).toBeInTheDocument();
    expect(within(details).getByText('Original post text')).toBeInTheDocument();
    expect(within(details).getByText('p8')).toBeInTheDocument();
    expect(within(details).getByText('Nov 14, 2023, 10:43:25 PM').closest('time')).toHaveAttribute('dateTime', new Date((T0 + 1_805) * 1000).toISOString());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Selected post' })).not.toBeInTheDocument();
  });

  it('shows a mark’s details on a click', async () => {
    const { user } = renderTimeline();
    const figure = await screen.findByRole('figure');
    const mark = figure.querySelector('[data-mark="0:0"]');
    if (!mark) throw new Error('no mark');
    await user.click(mark);
    const details = screen.getByRole('region', { name: 'Selected post' });
    expect(within(details).getByText('Share this before they delete it')).toBeInTheDocument();
    expect(within(details).getByText('Same text')).toBeInTheDocument();
    await user.click(within(details).getByRole('button', { name: 'Close the details' }));
    expect(screen.queryByRole('region', { name: 'Selected post' })).not.toBeInTheDocument();
  });

  it('moves in time when dragged, without taking the drag for a click', async () => {
    renderTimeline();
    const figure = await screen.findByRole('figure');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const before = range();
    const plot = figure.querySelector('[data-plot="lane"]');
    if (!plot) throw new Error('no plot');
    plot.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: 500, bottom: 34, width: 500, height: 34, toJSON: () => ({}) });
    fireEvent.pointerDown(plot, { button: 0, clientX: 300, pointerId: 1 });
    fireEvent.pointerMove(plot, { clientX: 200, pointerId: 1 });
    fireEvent.pointerUp(plot, { clientX: 200, pointerId: 1 });
    fireEvent.click(plot);
    expect(range()).not.toBe(before);
    expect(screen.queryByRole('region', { name: 'Selected post' })).not.toBeInTheDocument();
    // Ctrl + wheel zooms about the pointer.
    const zoomedOnce = range();
    fireEvent.wheel(plot, { deltaY: -100, ctrlKey: true, clientX: 250 });
    expect(range()).not.toBe(zoomedOnce);
  });

  it('lists the same posts as a paged table, and keeps only co-action posts when asked', async () => {
    const { user } = renderTimeline();
    await user.click(await screen.findByRole('button', { name: 'Table' }));
    const table = screen.getByRole('table', { name: 'Activity timeline' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Time', 'Account', 'Kind', 'Co-actions', 'Text', 'Post id']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent).slice(1, 4).join(' | '))).toEqual([
      '@alpha_one | Post | Same text',
      '@bravo_two | Post | Same text',
      '@alpha_one | Post | none',
      '@alpha_one | Repost | Same repost, Same moment',
      '@bravo_two | Repost | Same repost, Same moment',
      '@user-u3 | Reply | none',
    ]);
    await user.click(screen.getByRole('checkbox', { name: 'Only posts with co-actions' }));
    expect(within(screen.getByRole('table', { name: 'Activity timeline' })).getAllByRole('row')).toHaveLength(5);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('pages a long table', async () => {
    const many = fromClusterActivity(
      activityOf([{ id: 'u1', username: 'busy', marks: Array.from({ length: 40 }, (_, i) => [`q${i}`, i * 90, 'post', i % 2 === 0 ? ['synchronised'] : []] as [string, number, 'post', ('synchronised')[]]) }]),
    );
    const { user } = renderTimeline(many);
    await user.click(await screen.findByRole('button', { name: 'Table' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(26);
    expect(screen.getByText('1–25 of 40')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(16);
  });

  it('draws a signal’s snapshot the same way, saying that texts and post ids are not kept', async () => {
    const stored = fromSignalActivity(signalActivitySnapshot(GROUP, GROUP_HANDLES));
    const { user } = renderTimeline(stored);
    const figure = await screen.findByRole('figure');
    expect(figure.querySelectorAll('[data-mark]')).toHaveLength(6);
    const mark = figure.querySelector('[data-mark="1:1"]');
    if (!mark) throw new Error('no mark');
    await user.click(mark);
    const details = screen.getByRole('region', { name: 'Selected post' });
    expect(within(details).getAllByText('Not kept with the signal')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Table' }));
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Time', 'Account', 'Kind', 'Co-actions']);
  });

  it('opens as a dialog for a signal, titled by the signal', async () => {
    const { user } = renderWithProviders(
      <SignalActivityDialog activity={signalActivitySnapshot(GROUP, GROUP_HANDLES)} name="Coordinated reposting (@alpha_one)" onClose={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Activity of the signal’s accounts: Coordinated reposting (@alpha_one)' });
    expect(within(dialog).getByRole('figure')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Table' }));
    expect(within(dialog).getByRole('table')).toBeInTheDocument();
  });

  it('says when there is nothing to draw', async () => {
    renderTimeline(fromClusterActivity(activityOf([])));
    expect(await screen.findByText('No posts to show.')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('speaks Dutch', async () => {
    renderTimeline(LIVE, 'nl');
    expect(await screen.findByRole('heading', { name: 'Activiteitentijdlijn' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Legenda' })).toHaveTextContent('Zelfde tekst');
  });

  it('speaks Turkish', async () => {
    renderTimeline(LIVE, 'tr');
    expect(await screen.findByRole('heading', { name: 'Etkinlik zaman çizelgesi' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Yalnızca ortak eylemli gönderiler' })).toBeInTheDocument();
  });
});
