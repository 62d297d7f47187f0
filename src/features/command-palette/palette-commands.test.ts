import { describe, expect, it } from 'vitest';
import { CHEAT_SHEET } from './cheat-sheet-entries';
import { caseOnPage, commandMatches, foldText } from './palette-commands';
import { GO_TO_PATHS, isGoToShortcut, SHORTCUTS } from './shortcut-core';

const TABS = ['overview', 'harm', 'evidence', 'accounts'] as const;

describe('caseOnPage', () => {
  it.each([
    ['/cases/case-grey-meridian/harm', { caseId: 'case-grey-meridian', tab: 'harm' }],
    ['/cases/case-grey-meridian/accounts', { caseId: 'case-grey-meridian', tab: 'accounts' }],
    ['/cases/case-grey-meridian', { caseId: 'case-grey-meridian', tab: 'overview' }],
    ['/cases/case-grey-meridian/', { caseId: 'case-grey-meridian', tab: 'overview' }],
  ])('%s is a case page', (pathname, expected) => {
    expect(caseOnPage(pathname, TABS)).toEqual(expected);
  });

  it.each(['/cases', '/cases/', '/cases/case-grey-meridian/import', '/cases/x/harm/extra', '/review/case-grey-meridian', '/audit'])('%s is not', (pathname) => {
    expect(caseOnPage(pathname, TABS)).toBeNull();
  });
});

describe('commandMatches', () => {
  const command = { label: 'Review queue', keywords: 'Go to' };

  it('matches every word typed, in any order and case, across label and keywords', () => {
    expect(commandMatches(command, '')).toBe(true);
    expect(commandMatches(command, 'REVIEW')).toBe(true);
    expect(commandMatches(command, 'queue rev')).toBe(true);
    expect(commandMatches(command, 'go review')).toBe(true);
    expect(commandMatches(command, 'review audit')).toBe(false);
  });

  it('ignores accents (Türkçe by "turkce"), Turkish dotted İ included', () => {
    expect(foldText('Türkçe')).toBe('turkce');
    expect(foldText('İnceleme')).toBe('inceleme');
    expect(commandMatches({ label: 'Türkçe' }, 'turkce')).toBe(true);
    expect(commandMatches({ label: 'New case', description: 'Opens the case list' }, 'opens')).toBe(true);
  });
});

describe('the shortcut tables', () => {
  it('each `g` shortcut opens a screen', () => {
    const goTo = SHORTCUTS.filter((shortcut) => shortcut.keys[0] === 'g').map((shortcut) => shortcut.id);
    expect(goTo.every(isGoToShortcut)).toBe(true);
    expect(Object.keys(GO_TO_PATHS).toSorted()).toEqual(goTo.toSorted());
    expect(isGoToShortcut('next-row')).toBe(false);
  });

  it('the cheat sheet lists every shortcut the matcher knows, with its keys', () => {
    for (const shortcut of SHORTCUTS) {
      expect(CHEAT_SHEET.find((entry) => entry.action === shortcut.id)?.keys).toEqual([shortcut.keys]);
    }
    expect(new Set(CHEAT_SHEET.map((entry) => entry.action)).size).toBe(CHEAT_SHEET.length);
  });
});
