// The case list's views (issue 15 §6): the query it keeps in the URL (filters, sort, page), and the
// views a person saves under a name, kept for that person in this browser's localStorage. A view is
// the query string of its filters and sort, so it is also a link. What storage gives back is input:
// parsed with zod, and an entry that no longer reads (corrupt, or a view whose link an older version
// of the list wrote differently) is dropped, never a crash.
import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod/mini';
import { ActorKind, PriorityBand } from '../../api/contract/policy-terms';
import type { CaseListQuery } from '../../api/contract/case-list';
import { CASE_STATUSES } from '../../engine/policy-terms';

/** The list's sorts: one per column, by the CaseSummary field (see CASE_LIST_SORTS). */
export const LIST_SORTS = [
  'name',
  'actorKind',
  'status',
  'verdict',
  'priority',
  'signalCount',
  'ownerId',
  'reviewerId',
  'updatedAt',
] as const satisfies readonly NonNullable<CaseListQuery['sort']>[];
export type ListSort = (typeof LIST_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

/** The status filter: a case status, or "returned" (drafts back with the analyst after a return, issue 12 §2). */
export const StatusFilter = z.enum([...CASE_STATUSES, 'returned']);
export const OptionalStatus = z.optional(StatusFilter);
export const OptionalActorKind = z.optional(ActorKind);
export const OptionalPriorityBand = z.optional(PriorityBand);

/** The URL is input: parse it, and drop what does not fit rather than fail. (zod/mini: see scalars.ts.) */
export const ListUrlQuery = z.object({
  status: z.catch(OptionalStatus, undefined),
  actorKind: z.catch(OptionalActorKind, undefined),
  priorityBand: z.catch(OptionalPriorityBand, undefined),
  q: z.catch(z.optional(z.string().check(z.maxLength(200))), undefined),
  /** "My cases" and "Assigned to me": whoever opens the link (issue 12 §6). */
  mine: z.catch(z.optional(z.enum(['1'])), undefined),
  assigned: z.catch(z.optional(z.enum(['1'])), undefined),
  sort: z.catch(z.enum(LIST_SORTS), 'updatedAt'),
  dir: z.catch(z.enum(['asc', 'desc']), 'desc'),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1)), 1),
  pageSize: z.catch(
    z.coerce.number().check(z.int(), z.refine((n) => PAGE_SIZES.some((size) => size === n))),
    DEFAULT_PAGE_SIZE,
  ),
});
export type ListUrlQuery = z.output<typeof ListUrlQuery>;

export function readListQuery(params: URLSearchParams): ListUrlQuery {
  return ListUrlQuery.parse(Object.fromEntries(params));
}

/** The query as URL parameters, in a fixed order, without empty values. */
export function listSearchParams(query: Partial<ListUrlQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(ListUrlQuery.shape) as (keyof ListUrlQuery)[]) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

const FILTER_KEYS = ['status', 'actorKind', 'priorityBand', 'q', 'mine', 'assigned'] as const satisfies readonly (keyof ListUrlQuery)[];

export function hasFilters(query: ListUrlQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== undefined && query[key] !== '');
}

/** "Clear filters": the same sort and page size, every filter gone, the first page. */
export function withoutFilters(query: ListUrlQuery): ListUrlQuery {
  return { sort: query.sort, dir: query.dir, page: 1, pageSize: query.pageSize };
}

/** What a view keeps: the filters and the sort (not the page, nor its size). */
export function viewParams(query: ListUrlQuery): string {
  const { page: _page, pageSize: _pageSize, ...kept } = query;
  return listSearchParams(kept).toString();
}

/** A view's link, at the page size the reader uses now. */
export function viewHref(view: SavedView, pageSize: number): string {
  return pageSize === DEFAULT_PAGE_SIZE ? `/cases?${view.params}` : `/cases?${view.params}&pageSize=${pageSize}`;
}

export const VIEW_NAME_MAX = 60;

export const SavedView = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(VIEW_NAME_MAX)),
  params: z.string().check(z.maxLength(1000)),
});
export type SavedView = z.infer<typeof SavedView>;

const StoredViews = z.object({ version: z.literal(1), views: z.array(z.unknown()) });

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** A view whose link reads back as written; one an older list wrote otherwise is stale. */
function current(view: SavedView): boolean {
  return viewParams(readListQuery(new URLSearchParams(view.params))) === view.params;
}

/** The views stored in `raw`: entries that do not parse, are stale or repeat a name are dropped. */
export function parseSavedViews(raw: string | null): SavedView[] {
  if (raw === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const stored = StoredViews.safeParse(json);
  if (!stored.success) return [];
  const views: SavedView[] = [];
  for (const entry of stored.data.views) {
    const view = SavedView.safeParse(entry);
    if (view.success && current(view.data) && !views.some((kept) => sameName(kept.name, view.data.name))) views.push(view.data);
  }
  return views;
}

export function serializeSavedViews(views: readonly SavedView[]): string {
  return JSON.stringify({ version: 1, views });
}

/** Saving under a name already used replaces that view, in its place. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const at = views.findIndex((kept) => sameName(kept.name, view.name));
  return at === -1 ? [...views, view] : views.with(at, view);
}

export function withoutView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((kept) => !sameName(kept.name, name));
}

export function savedViewsKey(userId: string): string {
  return `cha.case-list-views.${userId}`;
}

// ---------------------------------------------------------------------------------------------
// the store: localStorage, read through useSyncExternalStore, so another tab's change shows too

const NONE: SavedView[] = [];
const listeners = new Set<() => void>();
let cached: { raw: string | null; views: SavedView[] } = { raw: null, views: NONE };

function readRaw(key: string | null): string | null {
  if (key === null) return null;
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage turned off: no saved views, and the list works as before.
    return null;
  }
}

function snapshot(key: string | null): SavedView[] {
  const raw = readRaw(key);
  if (raw !== cached.raw) cached = { raw, views: parseSavedViews(raw) };
  return cached.views;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/**
 * The signed-in person's saved views (none until they are known). `save` and `remove` answer false
 * when the browser would not keep the change (storage full or turned off).
 */
export function useSavedViews(userId: string | undefined) {
  const key = userId ? savedViewsKey(userId) : null;
  const views = useSyncExternalStore(subscribe, () => snapshot(key), () => NONE);
  const write = useCallback(
    (next: SavedView[]): boolean => {
      if (key === null) return false;
      try {
        localStorage.setItem(key, serializeSavedViews(next));
      } catch {
        return false;
      }
      for (const listener of listeners) listener();
      return true;
    },
    [key],
  );
  return {
    views,
    ready: key !== null,
    save: (view: SavedView) => write(withView(views, view)),
    remove: (name: string) => write(withoutView(views, name)),
  };
}
