// Streaming reader for Twitter API v2 responses: `{data:[tweet...], includes:{users:[...]}, meta}`,
// one document, several concatenated or one per line, or an array of them. It walks only the outer
// structure and hands each tweet / user object to JSON.parse on its own, so a 1 GiB export never
// becomes one string, one bad tweet costs one row, and nesting depth is counted before parsing.
import type { JsonSyntaxProblem } from './parse-types';

export interface TwitterV2Sink {
  /** A complete `data` element: its JSON text (null when skipped, `problem` says why) and 1-based ordinal. */
  tweet(json: string | null, ordinal: number, problem: TweetProblem | null): void;
  user(json: string): void;
  /**
   * The outer structure is broken at character `offset` of the input (`incomplete`: it ends before
   * the document does); nothing after it is read.
   */
  stop(problem: JsonSyntaxProblem | 'incomplete', offset: number): void;
}

/** Why a tweet was skipped: longer than the record limit, or nested deeper than the depth limit. */
export type TweetProblem = 'too-long' | 'too-deep';

/** What a value is read for; `key`: a key of the outer structure (`data`, `includes`, `users`, ...). */
type Role = 'tweet' | 'user' | 'skip' | 'key';

type Frame =
  | { kind: 'top' }
  | { kind: 'top-array'; expect: 'value' | 'comma' }
  | { kind: 'object'; scope: 'page' | 'includes'; expect: 'key' | 'colon' | 'value' | 'comma'; key: string }
  | { kind: 'list'; role: Role; expect: 'value' | 'comma' };

/**
 * Longest key of the outer structure that is read (JSON text, quotes included). A longer one cannot
 * be a key the scanner looks for, so it is passed over unread like any unknown key, its value
 * skipped: whether a key is too long is judged by the key itself, never by how much of it the
 * chunks read so far held (that made a file stop when streamed and import when read whole).
 */
const MAX_KEY_CHARS = 10_000;

export class TwitterV2Scanner {
  private buf = '';
  private pos = 0;
  /** Absolute offset of `buf[0]`, for error messages. */
  private base = 0;
  private readonly stack: Frame[] = [{ kind: 'top' }];
  private stopped = false;
  private tweets = 0;
  // A value being skipped or captured (resumable across chunks).
  private valueActive = false;
  private valueRole: Role = 'skip';
  private valueStart = 0;
  private valueScan = 0;
  private valueDepth = 0;
  private valueMaxDepth = 0;
  private valueLimit = 0;
  private valueTooLong = false;
  private valueInString = false;
  /**
   * Inside a string: the character at `valueScan` is escaped (an odd run of backslashes ends just
   * before it). Carrying this instead of counting the run again after each chunk keeps a 40 MiB run
   * of backslashes linear (it took minutes when streamed in 64 KiB chunks).
   */
  private valueEscaped = false;
  private readonly maxKeyChars: number;

  constructor(
    private readonly maxValueChars: number,
    private readonly maxDepth: number,
    private readonly sink: TwitterV2Sink,
  ) {
    // A small record limit (tests) bounds keys too, so the key limit is reachable by short inputs.
    this.maxKeyChars = Math.min(MAX_KEY_CHARS, maxValueChars);
  }

  get done(): boolean {
    return this.stopped;
  }

  push(chunk: string): void {
    if (this.stopped) return;
    // Keep the value (or key) being captured; a skipped or oversize one only needs its scan point.
    let keep = this.pos;
    if (this.valueActive) keep = this.valueRole === 'skip' || this.valueTooLong ? this.valueScan : this.valueStart;
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.base += keep;
      this.pos -= keep;
      this.valueStart -= keep;
      this.valueScan -= keep;
    }
    this.buf += chunk;
    this.run(false);
  }

  end(): void {
    if (this.stopped) return;
    this.run(true);
    if (this.stopped) return;
    const top = this.stack[this.stack.length - 1];
    if (this.valueActive || this.stack.length > 1 || top?.kind !== 'top') {
      this.stop('incomplete');
    }
  }

  private stop(problem: JsonSyntaxProblem | 'incomplete'): void {
    if (this.stopped) return;
    this.stopped = true;
    this.sink.stop(problem, this.base + this.pos);
    this.buf = '';
  }

  private fail(problem: JsonSyntaxProblem): void {
    this.stop(problem);
  }

  private run(final: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    while (!this.stopped) {
      if (this.valueActive) {
        if (!this.continueValue(final)) return;
        continue;
      }
      // Skip white space.
      let p = this.pos;
      while (p < len) {
        const c = buf.charCodeAt(p);
        if (c === 32 || c === 10 || c === 13 || c === 9) p++;
        else break;
      }
      this.pos = p;
      if (p >= len) return;
      const c = buf.charCodeAt(p);
      const frame = this.stack[this.stack.length - 1];
      if (frame === undefined) return;
      switch (frame.kind) {
        case 'top':
          if (c === 123 /* { */) {
            this.pos++;
            this.stack.push({ kind: 'object', scope: 'page', expect: 'key', key: '' });
          } else if (c === 91 /* [ */) {
            this.pos++;
            this.stack.push({ kind: 'top-array', expect: 'value' });
          } else {
            this.fail('expected-response-object');
          }
          break;
        case 'top-array':
          if (c === 93 /* ] */) {
            this.pos++;
            this.stack.pop();
          } else if (frame.expect === 'comma') {
            if (c !== 44) return this.fail('expected-comma-or-bracket');
            this.pos++;
            frame.expect = 'value';
          } else if (c === 123) {
            this.pos++;
            frame.expect = 'comma';
            this.stack.push({ kind: 'object', scope: 'page', expect: 'key', key: '' });
          } else {
            this.fail('expected-response-object');
          }
          break;
        case 'list':
          if (c === 93) {
            this.pos++;
            this.stack.pop();
          } else if (frame.expect === 'comma') {
            if (c !== 44) return this.fail('expected-comma-or-bracket');
            this.pos++;
            frame.expect = 'value';
          } else {
            frame.expect = 'comma';
            this.beginValue(frame.role);
          }
          break;
        case 'object':
          this.objectStep(frame, c);
          break;
      }
    }
  }

  /** One step inside a page or `includes` object. */
  private objectStep(frame: Extract<Frame, { kind: 'object' }>, c: number): void {
    switch (frame.expect) {
      case 'key':
        if (c === 125 /* } */) {
          this.pos++;
          this.stack.pop();
        } else if (c !== 34) this.fail('expected-key');
        else this.beginValue('key'); // read like a value, resumable across chunks; see `keyRead`
        return;
      case 'colon':
        if (c !== 58) this.fail('expected-colon');
        else {
          this.pos++;
          frame.expect = 'value';
        }
        return;
      case 'value':
        frame.expect = 'comma';
        if (frame.scope === 'page' && frame.key === 'data') {
          if (c === 91) {
            this.pos++;
            this.stack.push({ kind: 'list', role: 'tweet', expect: 'value' });
          } else this.beginValue(c === 123 ? 'tweet' : 'skip');
        } else if (frame.scope === 'page' && frame.key === 'includes' && c === 123) {
          this.pos++;
          this.stack.push({ kind: 'object', scope: 'includes', expect: 'key', key: '' });
        } else if (frame.scope === 'includes' && frame.key === 'users' && c === 91) {
          this.pos++;
          this.stack.push({ kind: 'list', role: 'user', expect: 'value' });
        } else {
          this.beginValue('skip');
        }
        return;
      case 'comma':
        if (c === 125) {
          this.pos++;
          this.stack.pop();
        } else if (c === 44) {
          this.pos++;
          frame.expect = 'key';
        } else this.fail('expected-comma-or-brace');
        return;
    }
  }

  /** A key was read whole (`buf[start, end)`, quotes included): the object now expects its colon. */
  private keyRead(start: number, end: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame?.kind !== 'object') return;
    let key: unknown = '';
    if (!this.valueTooLong) {
      try {
        key = JSON.parse(this.buf.slice(start, end));
      } catch {
        this.pos = start;
        this.fail('invalid-key');
        return;
      }
    }
    frame.key = typeof key === 'string' ? key : '';
    frame.expect = 'colon';
  }

  private beginValue(role: Role): void {
    this.valueActive = true;
    this.valueRole = role;
    this.valueLimit = role === 'key' ? this.maxKeyChars : this.maxValueChars;
    this.valueStart = this.pos;
    this.valueScan = this.pos;
    this.valueDepth = 0;
    this.valueMaxDepth = 0;
    this.valueTooLong = false;
    this.valueInString = false;
    this.valueEscaped = false;
  }

  /** Advances over the current value; true when it is complete (and handed on). */
  private continueValue(final: boolean): boolean {
    const buf = this.buf;
    const len = buf.length;
    let i = this.valueScan;
    let depth = this.valueDepth;
    let end = -1;
    while (i < len) {
      if (this.valueInString) {
        const close = this.stringEnd(buf, i);
        if (close < 0) {
          i = len;
          break;
        }
        this.valueInString = false;
        i = close + 1;
        if (depth === 0) {
          end = i;
          break;
        }
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === 34) {
        this.valueInString = true;
        this.valueEscaped = false;
        i++;
        continue;
      } else if (c === 123 || c === 91) {
        depth++;
        if (depth > this.valueMaxDepth) this.valueMaxDepth = depth;
        i++;
      } else if (c === 125 || c === 93) {
        if (depth === 0) {
          end = i; // a scalar ended by its container's closing bracket
          break;
        }
        depth--;
        i++;
        if (depth === 0) {
          end = i;
          break;
        }
      } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) {
        end = i; // end of a scalar
        break;
      } else {
        i++;
      }
    }
    if (!this.valueTooLong && (end >= 0 ? end : i) - this.valueStart > this.valueLimit) this.valueTooLong = true;
    this.valueScan = i;
    this.valueDepth = depth;
    if (end < 0) {
      if (!final) return false;
      if (depth === 0 && !this.valueInString && i > this.valueStart) end = i; // a scalar at the very end
      else {
        this.fail('ends-inside-value');
        return false;
      }
    }
    this.valueActive = false;
    this.pos = end;
    if (end === this.valueStart) {
      this.fail('expected-value');
      return true;
    }
    const role = this.valueRole;
    if (role === 'key') {
      this.keyRead(this.valueStart, end);
    } else if (role === 'tweet') {
      this.tweets++;
      if (this.valueTooLong) {
        this.sink.tweet(null, this.tweets, 'too-long');
      } else if (this.valueMaxDepth > this.maxDepth) {
        this.sink.tweet(null, this.tweets, 'too-deep');
      } else {
        this.sink.tweet(buf.slice(this.valueStart, end), this.tweets, null);
      }
    } else if (role === 'user' && !this.valueTooLong && this.valueMaxDepth <= this.maxDepth) {
      this.sink.user(buf.slice(this.valueStart, end));
    }
    return true;
  }

  /**
   * The quote closing the string being read, searching from `from`, or -1 when it is not in `buf`
   * yet (`valueEscaped` then says whether the next character is escaped). Everything before `from`
   * is settled, so a run of backslashes is counted back to `from` at most: each character is read
   * once, however the text was chunked.
   */
  private stringEnd(buf: string, from: number): number {
    const len = buf.length;
    let i = from;
    if (this.valueEscaped) {
      if (i >= len) return -1;
      i++;
      this.valueEscaped = false;
    }
    for (;;) {
      const q = buf.indexOf('"', i);
      const stop = q < 0 ? len : q;
      let backslashes = 0;
      while (stop - 1 - backslashes >= i && buf.charCodeAt(stop - 1 - backslashes) === 92) backslashes++;
      if (q < 0) {
        this.valueEscaped = backslashes % 2 === 1;
        return -1;
      }
      if (backslashes % 2 === 0) return q;
      i = q + 1;
    }
  }
}
