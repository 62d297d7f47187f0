import { afterEach, describe, expect, it } from 'vitest';
import { moveRowFocus, ROW_ATTRIBUTE } from './row-navigation';

function table(rows: number): void {
  document.body.innerHTML = `<button id="outside">x</button><table><tbody>${Array.from(
    { length: rows },
    (_, index) => `<tr ${ROW_ATTRIBUTE}><td><a href="/cases/${index}">Case ${index}</a></td><td><button>Assign</button></td></tr>`,
  ).join('')}</tbody></table>`;
}

const step = (direction: 1 | -1) => moveRowFocus(document, direction, document.activeElement);

describe('moveRowFocus', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('from outside the rows, j and k both start at the first row’s link', () => {
    table(3);
    document.getElementById('outside')?.focus();
    expect(step(1)).toBe(true);
    expect(document.activeElement?.textContent).toBe('Case 0');
    document.getElementById('outside')?.focus();
    step(-1);
    expect(document.activeElement?.textContent).toBe('Case 0');
  });

  it('moves down and up, and stops at either end', () => {
    table(3);
    step(1);
    step(1);
    step(1);
    expect(document.activeElement?.textContent).toBe('Case 2');
    step(1);
    expect(document.activeElement?.textContent).toBe('Case 2');
    step(-1);
    step(-1);
    step(-1);
    expect(document.activeElement?.textContent).toBe('Case 0');
  });

  it('from another control in a row (its button), moves from that row', () => {
    table(3);
    document.querySelectorAll('button')[2]?.focus();
    step(1);
    expect(document.activeElement?.textContent).toBe('Case 2');
  });

  it('a page without rows leaves the key alone', () => {
    document.body.innerHTML = '<p>nothing</p>';
    expect(step(1)).toBe(false);
  });
});
