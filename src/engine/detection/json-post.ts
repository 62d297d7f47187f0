// Maps one parsed JSON object to a row: the toolkit's column names (NDJSON) or a Twitter API v2
// tweet (`id`, `author_id`, `created_at`, `text`, `referenced_tweets`, `entities.urls`).
import type { RawPost } from './row-validator';

type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function first(obj: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = obj[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** Column aliases, in order of preference. The CSV header uses the same table. */
export const FIELD_ALIASES = {
  messageId: ['message_id', 'id', 'tweet_id', 'post_id', 'status_id', 'id_str'],
  userId: ['user_id', 'author_id', 'account_id', 'user_id_str'],
  username: ['username', 'screen_name', 'user_screen_name', 'handle', 'user_name'],
  repostId: ['repost_id', 'retweet_id', 'retweeted_id', 'retweeted_status_id'],
  replyId: ['reply_id', 'in_reply_to_id', 'in_reply_to_status_id', 'replied_to_id'],
  quoteId: ['quote_id', 'quoted_id', 'quoted_status_id'],
  message: ['message', 'text', 'full_text', 'body', 'content'],
  timestamp: ['timestamp', 'created_at', 'time', 'date'],
  urls: ['urls', 'url', 'links'],
  deviceHash: ['device_hash', 'device_id', 'device'],
  ipHash: ['ip_hash', 'ip'],
} as const satisfies Record<keyof RawPost, readonly string[]>;

/** The documented (toolkit) name of each field, used in issue reports. */
export const FIELD_NAMES: Record<keyof RawPost, string> = {
  messageId: 'message_id',
  userId: 'user_id',
  username: 'username',
  repostId: 'repost_id',
  replyId: 'reply_id',
  quoteId: 'quote_id',
  message: 'message',
  timestamp: 'timestamp',
  urls: 'urls',
  deviceHash: 'device_hash',
  ipHash: 'ip_hash',
};

/** Fills `raw` from a post object in either vocabulary. */
export function readJsonPost(obj: JsonObject, raw: RawPost): void {
  raw.messageId = first(obj, FIELD_ALIASES.messageId);
  raw.userId = first(obj, FIELD_ALIASES.userId);
  raw.username = first(obj, FIELD_ALIASES.username);
  raw.repostId = first(obj, FIELD_ALIASES.repostId);
  raw.replyId = first(obj, FIELD_ALIASES.replyId);
  raw.quoteId = first(obj, FIELD_ALIASES.quoteId);
  raw.message = first(obj, FIELD_ALIASES.message);
  raw.timestamp = first(obj, FIELD_ALIASES.timestamp);
  raw.urls = first(obj, FIELD_ALIASES.urls);
  raw.deviceHash = first(obj, FIELD_ALIASES.deviceHash);
  raw.ipHash = first(obj, FIELD_ALIASES.ipHash);

  // Twitter API v2 shapes.
  const author = obj.author;
  if (raw.username === undefined && isJsonObject(author)) raw.username = author.username;
  const refs = obj.referenced_tweets;
  if (Array.isArray(refs)) {
    for (const ref of refs) {
      if (!isJsonObject(ref)) continue;
      if (ref.type === 'retweeted' && raw.repostId === undefined) raw.repostId = ref.id;
      else if (ref.type === 'replied_to' && raw.replyId === undefined) raw.replyId = ref.id;
      else if (ref.type === 'quoted' && raw.quoteId === undefined) raw.quoteId = ref.id;
    }
  }
  const entities = obj.entities;
  if (raw.urls === undefined && isJsonObject(entities) && Array.isArray(entities.urls)) {
    const urls: unknown[] = [];
    for (const entry of entities.urls) {
      if (!isJsonObject(entry)) continue;
      const url = entry.unwound_url ?? entry.expanded_url ?? entry.url;
      if (url !== undefined) urls.push(url);
    }
    raw.urls = urls;
  }
}
