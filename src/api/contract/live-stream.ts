// Where the live stream is (issue 12 §7), apart from its schemas (live.ts) so the first page's HTTP
// client can name it without loading classic zod.
export const LIVE_STREAM_PATH = '/api/live';
/**
 * The stream's query parameter naming the demo picker's user in the mock backend (an EventSource
 * cannot send the `X-User-Id` header). The server never reads it: its session cookie says who it is.
 */
export const LIVE_STREAM_USER_PARAM = 'as';
