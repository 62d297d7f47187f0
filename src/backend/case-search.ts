// What the case list's search box matches: one lower-case text per case. The list filters on it in
// memory and the SQL storage keeps it in a column, so both search the same text.
import type { StoredCase } from './storage';

export function caseSearchText(record: StoredCase): string {
  const { actor } = record;
  return [record.id, actor.name, ...actor.aliases, ...actor.hashtags, ...actor.keywords, ...actor.trendTerms]
    .join('\n')
    .toLowerCase();
}
