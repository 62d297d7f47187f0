import { afterEach, describe, expect, it } from 'vitest';
import { classifyTarget, PALETTE_ATTRIBUTE } from './shortcut-target';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  const target = document.querySelector<HTMLElement>('[data-target]');
  if (!target) throw new Error('no [data-target] in the fixture');
  return target;
}

describe('classifyTarget', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['an input', '<input data-target>'],
    ['a search box', '<input type="search" data-target>'],
    ['a textarea', '<textarea data-target></textarea>'],
    ['a select', '<select data-target><option>a</option></select>'],
    ['a contenteditable element', '<div contenteditable="true"><p data-target>text</p></div>'],
    ['an empty contenteditable attribute', '<div contenteditable data-target></div>'],
  ])('%s is editable', (_, html) => {
    expect(classifyTarget(mount(html))).toBe('editable');
  });

  it.each([
    ['a button in a dialog', '<div role="dialog"><button data-target>OK</button></div>'],
    ['an alert dialog', '<div role="alertdialog"><button data-target>OK</button></div>'],
    ['a modal', '<div aria-modal="true"><span data-target tabindex="-1"></span></div>'],
    ['a menu item (its letters are typeahead)', '<ul role="menu"><li role="menuitem" data-target>Open</li></ul>'],
  ])('%s is in a dialog', (_, html) => {
    expect(classifyTarget(mount(html))).toBe('dialog');
  });

  it('the palette is not "another dialog", even its text field', () => {
    expect(classifyTarget(mount(`<div ${PALETTE_ATTRIBUTE}><div role="dialog"><input data-target></div></div>`))).toBe('palette');
  });

  it('a link, a button, the body and no target at all are the page', () => {
    expect(classifyTarget(mount('<table><tr><td><a href="/x" data-target>x</a></td></tr></table>'))).toBe('page');
    expect(classifyTarget(mount('<button data-target>x</button>'))).toBe('page');
    expect(classifyTarget(mount('<div contenteditable="false"><span data-target>x</span></div>'))).toBe('page');
    expect(classifyTarget(document.body)).toBe('page');
    expect(classifyTarget(null)).toBe('page');
    expect(classifyTarget(window)).toBe('page');
  });
});
