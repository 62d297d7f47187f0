import { describe, expect, it } from 'vitest';
import { IDLE, matchKey, SEQUENCE_TIMEOUT_MS, type KeyPress, type MatcherState, type ShortcutId, type TargetKind } from './shortcut-core';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, target: 'page', ...extra });

/** Feeds `[key, time]` presses through the matcher; answers the shortcut each one completed. */
function run(presses: readonly (readonly [string | KeyPress, number])[], timeoutMs?: number): (ShortcutId | null)[] {
  let state: MatcherState = IDLE;
  return presses.map(([key, now]) => {
    const result = matchKey(state, typeof key === 'string' ? press(key) : key, now, timeoutMs === undefined ? {} : { timeoutMs });
    state = result.state;
    return result.shortcut;
  });
}

describe('matchKey', () => {
  it.each([
    ['g c', 'go-cases'],
    ['g r', 'go-review'],
    ['g a', 'go-audit'],
  ] as const)('%s within the timeout is %s', (keys, shortcut) => {
    const [first = '', second = ''] = keys.split(' ');
    expect(run([[first, 1000], [second, 1000 + SEQUENCE_TIMEOUT_MS]])).toEqual([null, shortcut]);
  });

  it('single keys: j, k and ?', () => {
    expect(run([['j', 0], ['k', 10], ['?', 20]])).toEqual(['next-row', 'previous-row', 'cheat-sheet']);
  });

  it('a sequence times out: `c` after more than the timeout is just `c`', () => {
    expect(run([['g', 1000], ['c', 1000 + SEQUENCE_TIMEOUT_MS + 1]])).toEqual([null, null]);
  });

  it('the timeout is a parameter', () => {
    expect(run([['g', 0], ['c', 400]], 300)).toEqual([null, null]);
    expect(run([['g', 0], ['c', 300]], 300)).toEqual([null, 'go-cases']);
  });

  it('after a timed-out `g`, a fresh `g` starts a new sequence', () => {
    expect(run([['g', 0], ['g', 5000], ['r', 5100]])).toEqual([null, null, 'go-review']);
  });

  it('`g g c`: the second `g` starts over, so `c` still completes it', () => {
    expect(run([['g', 0], ['g', 100], ['c', 200]])).toEqual([null, null, 'go-cases']);
  });

  it('a key that continues no sequence breaks it, and counts on its own (`g j` moves to the next row)', () => {
    expect(run([['g', 0], ['x', 100], ['c', 200]])).toEqual([null, null, null]);
    expect(run([['g', 0], ['j', 100]])).toEqual([null, 'next-row']);
  });

  it('letters are matched as typed: `G C` is not `g c`, and unknown keys do nothing', () => {
    expect(run([['G', 0], ['C', 100], ['x', 200], ['Enter', 300]])).toEqual([null, null, null, null]);
  });

  it('holding Shift (for `?`) neither completes nor breaks a sequence', () => {
    expect(run([['g', 0], ['Shift', 100], ['c', 200]])).toEqual([null, null, 'go-cases']);
    expect(run([['Shift', 0], ['?', 10]])).toEqual([null, 'cheat-sheet']);
  });

  it('Ctrl-K and Cmd-K open the palette, upper case (Caps Lock) too, and clear a started sequence', () => {
    expect(run([[press('k', { ctrlKey: true }), 0]])).toEqual(['open-palette']);
    expect(run([[press('k', { metaKey: true }), 0]])).toEqual(['open-palette']);
    expect(run([[press('K', { ctrlKey: true }), 0]])).toEqual(['open-palette']);
    expect(run([['g', 0], [press('k', { ctrlKey: true }), 10], ['c', 20]])).toEqual([null, 'open-palette', null]);
  });

  it('ignores Alt, Ctrl and Meta with any other key, and Ctrl-Alt-K', () => {
    expect(run([
      [press('g', { ctrlKey: true }), 0],
      [press('j', { metaKey: true }), 10],
      [press('?', { altKey: true }), 20],
      [press('k', { ctrlKey: true, altKey: true }), 30],
    ])).toEqual([null, null, null, null]);
    // A modified key also breaks a started sequence.
    expect(run([['g', 0], [press('c', { altKey: true }), 10], ['c', 20]])).toEqual([null, null, null]);
  });

  it.each(['editable', 'dialog'] as const satisfies readonly TargetKind[])('ignores every key, Ctrl-K included, when the target is %s', (target) => {
    expect(run([
      [press('g', { target }), 0],
      [press('c', { target }), 10],
      [press('j', { target }), 20],
      [press('?', { target }), 30],
      [press('k', { target, ctrlKey: true }), 40],
    ])).toEqual([null, null, null, null, null]);
  });

  it('typing in a field breaks a sequence started on the page', () => {
    expect(run([['g', 0], [press('c', { target: 'editable' }), 10]])).toEqual([null, null]);
  });

  it('inside the palette only Ctrl-K / Cmd-K counts (to close it): its text field takes the letters', () => {
    expect(run([
      [press('g', { target: 'palette' }), 0],
      [press('c', { target: 'palette' }), 10],
      [press('?', { target: 'palette' }), 20],
      [press('k', { target: 'palette', metaKey: true }), 30],
    ])).toEqual([null, null, null, 'open-palette']);
  });

  it('ignores keys while an input method composes text', () => {
    expect(run([[press('g', { isComposing: true }), 0], [press('c', { isComposing: true }), 10]])).toEqual([null, null]);
  });

  it('is pure: the same state and press give the same answer, and the state passed in is not changed', () => {
    const started = matchKey(IDLE, press('g'), 100).state;
    const frozen = structuredClone(started);
    expect(matchKey(started, press('c'), 200)).toEqual(matchKey(started, press('c'), 200));
    expect(started).toEqual(frozen);
    expect(started).toEqual({ pending: ['g'], at: 100 });
  });
});
