import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dotBox, estimateTextWidth, labelBox, placeLabels, type LabelCandidate } from './network-labels';

const view = { zoom: 1, pan: { x: 0, y: 0 }, width: 800, height: 600 };

describe('placeLabels', () => {
  it('keeps the first of two colliding labels and drops the second', () => {
    const candidates: LabelCandidate[] = [
      { id: 'hovered', x: 100, y: 100, size: 10, text: '@first_account' },
      { id: 'near', x: 110, y: 104, size: 10, text: '@second_account' },
      { id: 'far', x: 400, y: 300, size: 10, text: '@third' },
    ];
    expect(placeLabels(candidates, view)).toEqual(['hovered', 'far']);
  });

  it('keeps labels off other dots, except the forced ones (hovered, open)', () => {
    const candidates: LabelCandidate[] = [
      { id: 'open', x: 100, y: 100, size: 10, text: '@open' },
      { id: 'neighbour', x: 300, y: 100, size: 10, text: '@neighbour' },
      { id: 'free', x: 500, y: 100, size: 10, text: '@free' },
    ];
    // A dot just under the first two names.
    const obstacles = [dotBox({ x: 100, y: 112, size: 6 }, view), dotBox({ x: 300, y: 112, size: 6 }, view)];
    expect(placeLabels(candidates, view, { obstacles, forced: 1 })).toEqual(['open', 'free']);
    expect(placeLabels(candidates, view, { obstacles })).toEqual(['free']);
  });

  it('leaves out labels outside the viewport and stops at the maximum', () => {
    const candidates: LabelCandidate[] = Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, x: i * 200 - 300, y: 50, size: 8, text: 'x' }));
    expect(placeLabels(candidates, view)).toEqual(['n2', 'n3', 'n4', 'n5']);
    expect(placeLabels(candidates, view, { max: 2 })).toEqual(['n2', 'n3']);
  });

  it('never places two overlapping labels, at any zoom', () => {
    const candidate = fc.record({ x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 600 }), size: fc.integer({ min: 4, max: 30 }), text: fc.string({ minLength: 1, maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 120 }), fc.double({ min: 0.2, max: 4, noNaN: true }), (raw, zoom) => {
        const candidates = raw.map((c, i) => ({ ...c, id: `n${i}` }));
        const at = { ...view, zoom };
        const ids = new Set(placeLabels(candidates, at));
        const boxes = candidates.filter((c) => ids.has(c.id)).map((c) => labelBox(c, at, 12, estimateTextWidth(c.text, 12)));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            const overlap = a !== undefined && b !== undefined && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
            expect(overlap).toBe(false);
          }
        }
      }),
    );
  });
});
