import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  parseSavedViews,
  readListQuery,
  serializeSavedViews,
  viewHref,
  viewParams,
  withoutFilters,
  withoutView,
  withView,
} from './saved-views';

const read = (search: string) => readListQuery(new URLSearchParams(search));

describe('saved views of the case list', () => {
  it('a view keeps the filters and the sort in a fixed order, not the page', () => {
    const query = read('page=3&dir=asc&q=grey+m&sort=priority&pageSize=50&status=designated&mine=1');
    expect(viewParams(query)).toBe('status=designated&q=grey+m&mine=1&sort=priority&dir=asc');
    expect(viewParams(read(''))).toBe('sort=updatedAt&dir=desc');
    expect(viewHref({ name: 'x', params: 'sort=name&dir=asc' }, 25)).toBe('/cases?sort=name&dir=asc');
    expect(viewHref({ name: 'x', params: 'sort=name&dir=asc' }, 100)).toBe('/cases?sort=name&dir=asc&pageSize=100');
  });

  it('clearing the filters keeps the sort and the page size, and starts at the first page', () => {
    const query = read('status=draft&actorKind=group&priorityBand=safety&q=a&mine=1&assigned=1&sort=signalCount&dir=asc&page=2&pageSize=10');
    expect(hasFilters(query)).toBe(true);
    expect(withoutFilters(query)).toEqual({ sort: 'signalCount', dir: 'asc', page: 1, pageSize: 10 });
    expect(hasFilters(read('sort=name&dir=asc&page=4'))).toBe(false);
  });

  it('reads back what it wrote', () => {
    const views = [{ name: 'Mine, newest', params: 'mine=1&sort=updatedAt&dir=desc' }, { name: 'Safety', params: 'priorityBand=safety&sort=priority&dir=desc' }];
    expect(parseSavedViews(serializeSavedViews(views))).toEqual(views);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"version":1,"views":['],
    ['JSON of another shape', '[{"name":"a","params":"sort=name&dir=asc"}]'],
    ['another version', JSON.stringify({ version: 2, views: [{ name: 'a', params: 'sort=name&dir=asc' }] })],
    ['views not a list', JSON.stringify({ version: 1, views: { name: 'a' } })],
    ['a bare string', '"views"'],
  ])('finds no view in %s', (_, raw) => {
    expect(parseSavedViews(raw)).toEqual([]);
  });

  it('drops the entries that do not read, are stale or repeat a name, and keeps the rest', () => {
    const raw = JSON.stringify({
      version: 1,
      views: [
        { name: ' Drafts ', params: 'status=draft&sort=updatedAt&dir=desc' },
        { name: 'No params' },
        { name: 'x'.repeat(61), params: 'sort=name&dir=asc' },
        { name: 'Old sort key', params: 'sort=queue&dir=asc' },
        { name: 'Unknown filter', params: 'team=blue&sort=name&dir=asc' },
        { name: 'Page kept', params: 'sort=name&dir=asc&page=2' },
        { name: 'Other order', params: 'dir=asc&sort=name' },
        { name: 'DRAFTS', params: 'sort=name&dir=asc' },
        7,
        { name: 'Safety', params: 'priorityBand=safety&sort=priority&dir=desc', extra: true },
      ],
    });
    expect(parseSavedViews(raw)).toEqual([
      { name: 'Drafts', params: 'status=draft&sort=updatedAt&dir=desc' },
      { name: 'Safety', params: 'priorityBand=safety&sort=priority&dir=desc' },
    ]);
  });

  it('saving under a name already used (any case) replaces that view in its place; removing goes by name too', () => {
    const views = [{ name: 'A', params: 'sort=name&dir=asc' }, { name: 'B', params: 'sort=name&dir=desc' }];
    expect(withView(views, { name: 'a', params: 'sort=priority&dir=desc' })).toEqual([
      { name: 'a', params: 'sort=priority&dir=desc' },
      { name: 'B', params: 'sort=name&dir=desc' },
    ]);
    expect(withView(views, { name: 'C', params: 'sort=status&dir=asc' }).map((view) => view.name)).toEqual(['A', 'B', 'C']);
    expect(withoutView(views, 'b')).toEqual([{ name: 'A', params: 'sort=name&dir=asc' }]);
  });
});
