// Which account names the network canvas writes: candidates in priority order (the hovered and the
// selected account and their neighbours first, then, zoomed in far enough, the biggest accounts in
// view) take a box under their dot in screen pixels; a box that would overlap one already taken is
// left out. So labels never collide, whatever the zoom. A grid makes it O(candidates).

export interface LabelCandidate {
  id: string;
  /** Model position of the node's centre and its diameter. */
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface LabelViewport {
  zoom: number;
  pan: { x: number; y: number };
  width: number;
  height: number;
}

export interface LabelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Screen font size of the names, in CSS pixels. */
export const LABEL_FONT_PX = 12;
/** Below this zoom only the focused accounts (hovered, selected, neighbours) are named. */
export const LABEL_ZOOM = 0.9;
/** Most names written at once (beyond that a name is noise). */
export const MAX_LABELS = 400;

/** A generous average glyph width for the UI font (measured widths are passed in the browser). */
export function estimateTextWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.62;
}

/** The label's box on screen: centred under the dot, 2 px below it. */
export function labelBox(candidate: LabelCandidate, view: LabelViewport, fontPx: number, textWidth: number): LabelBox {
  const cx = candidate.x * view.zoom + view.pan.x;
  const top = (candidate.y + candidate.size / 2) * view.zoom + view.pan.y + 2;
  const half = textWidth / 2 + 2;
  return { x1: cx - half, y1: top, x2: cx + half, y2: top + fontPx * 1.3 };
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The dot of a node on screen, as a box (labels keep off other accounts' dots). */
export function dotBox(node: { x: number; y: number; size: number }, view: LabelViewport): LabelBox {
  const cx = node.x * view.zoom + view.pan.x;
  const cy = node.y * view.zoom + view.pan.y;
  const r = (node.size / 2) * view.zoom;
  return { x1: cx - r, y1: cy - r, x2: cx + r, y2: cy + r };
}

/** Boxes in a grid of 96-pixel cells. */
class BoxGrid {
  private readonly cells = new Map<string, LabelBox[]>();
  private static readonly CELL = 96;

  private keys(box: LabelBox): string[] {
    const c = BoxGrid.CELL;
    const keys: string[] = [];
    for (let gx = Math.floor(box.x1 / c); gx <= Math.floor(box.x2 / c); gx++) {
      for (let gy = Math.floor(box.y1 / c); gy <= Math.floor(box.y2 / c); gy++) keys.push(`${gx},${gy}`);
    }
    return keys;
  }

  hits(box: LabelBox): boolean {
    return this.keys(box).some((key) => (this.cells.get(key) ?? []).some((other) => overlaps(box, other)));
  }

  add(box: LabelBox): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }
}

export interface PlaceLabelsOptions {
  fontPx?: number;
  max?: number;
  /** A text's width in pixels at `fontPx`. */
  measure?: (text: string) => number;
  /** Boxes labels keep off (the dots on screen), except the first `forced` candidates'. */
  obstacles?: readonly LabelBox[];
  /** Leading candidates (the hovered and the open account) written over dots if need be. */
  forced?: number;
}

/**
 * The ids, in priority order, whose labels are written: each label is inside the viewport and
 * overlaps no other label, nor (beyond the forced ones) any obstacle.
 */
export function placeLabels(candidates: readonly LabelCandidate[], view: LabelViewport, options: PlaceLabelsOptions = {}): string[] {
  const { fontPx = LABEL_FONT_PX, max = MAX_LABELS, obstacles = [], forced = 0 } = options;
  const measure = options.measure ?? ((text: string) => estimateTextWidth(text, fontPx));
  const labels = new BoxGrid();
  const dots = new BoxGrid();
  for (const box of obstacles) dots.add(box);
  const taken: string[] = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, index) => {
    if (taken.length >= max || seen.has(candidate.id)) return;
    seen.add(candidate.id);
    const box = labelBox(candidate, view, fontPx, measure(candidate.text));
    if (box.x2 < 0 || box.y2 < 0 || box.x1 > view.width || box.y1 > view.height) return;
    if (labels.hits(box) || (index >= forced && dots.hits(box))) return;
    labels.add(box);
    taken.push(candidate.id);
  });
  return taken;
}
