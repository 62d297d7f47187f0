// Streaming reader for Twitter API v2 responses: `{data:[tweet...], includes:{users:[...]}, meta}`,
// one document, several concatenated or one per line, or an array of them. It walks only the outer
// structure and hands each tweet / user object to JSON.parse on its own, so a 1 GiB export never
// becomes one string, one bad tweet costs one row, and nesting depth is counted before parsing.

export interface TwitterV2Sink {
  /** A complete `data` element: its JSON text (null when skipped) and 1-based ordinal. */
  tweet(json: string | null, ordinal: number, problem: string | null): void;
  user(json: string): void;
  /** The outer structure is broken; nothing after `offset` is read. */
  stop(reason: string): void;
}

type Role = 'tweet' | 'user' | 'skip';

type Frame =
  | { kind: 'top' }
  | { kind: 'top-array'; expect: 'value' | 'comma' }
  | { kind: 'object'; scope: 'page' | 'includes'; expect: 'key' | 'colon' | 'value' | 'comma'; key: string }
  | { kind: 'list'; role: Role; expect: 'value' | 'comma' };

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
  private valueTooLong = false;
  private valueInString = false;
  private valueStringFrom = 0;

  constructor(
    private readonly maxValueChars: number,
    private readonly maxDepth: number,
    private readonly sink: TwitterV2Sink,
  ) {}

  get done(): boolean {
    return this.stopped;
  }

  push(chunk: string): void {
    if (this.stopped) return;
    // Keep the value being captured; a skipped or oversize value only needs its scan point.
    let keep = this.pos;
    if (this.valueActive) keep = this.valueRole === 'skip' || this.valueTooLong ? this.valueScan : this.valueStart;
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.base += keep;
      this.pos -= keep;
      this.valueStart -= keep;
      this.valueScan -= keep;
      this.valueStringFrom -= keep;
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
      this.stop('the file ends before the JSON document is complete');
    }
  }

  private stop(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.sink.stop(reason);
    this.buf = '';
  }

  private fail(what: string): void {
    this.stop(`malformed JSON at character ${this.base + this.pos}: ${what}`);
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
            this.fail('expected a response object');
          }
          break;
        case 'top-array':
          if (c === 93 /* ] */) {
            this.pos++;
            this.stack.pop();
          } else if (frame.expect === 'comma') {
            if (c !== 44) return this.fail('expected , or ]');
            this.pos++;
            frame.expect = 'value';
          } else if (c === 123) {
            this.pos++;
            frame.expect = 'comma';
            this.stack.push({ kind: 'object', scope: 'page', expect: 'key', key: '' });
          } else {
            this.fail('expected a response object');
          }
          break;
        case 'list':
          if (c === 93) {
            this.pos++;
            this.stack.pop();
          } else if (frame.expect === 'comma') {
            if (c !== 44) return this.fail('expected , or ]');
            this.pos++;
            frame.expect = 'value';
          } else {
            frame.expect = 'comma';
            this.beginValue(frame.role);
          }
          break;
        case 'object':
          if (!this.objectStep(frame, c, final)) return;
          break;
      }
    }
  }

  /** One step inside a page or `includes` object; false when more input is needed. */
  private objectStep(frame: Extract<Frame, { kind: 'object' }>, c: number, final: boolean): boolean {
    switch (frame.expect) {
      case 'key': {
        if (c === 125 /* } */) {
          this.pos++;
          this.stack.pop();
          return true;
        }
        if (c !== 34) {
          this.fail('expected a key');
          return true;
        }
        const close = findStringEnd(this.buf, this.pos + 1);
        if (close < 0) {
          if (this.buf.length - this.pos > MAX_KEY_CHARS) this.fail('key too long');
          else if (final) this.fail('unterminated key');
          return false;
        }
        let key: unknown = null;
        try {
          key = JSON.parse(this.buf.slice(this.pos, close + 1));
        } catch {
          this.fail('invalid key');
          return true;
        }
        frame.key = typeof key === 'string' ? key : '';
        frame.expect = 'colon';
        this.pos = close + 1;
        return true;
      }
      case 'colon':
        if (c !== 58) this.fail('expected :');
        else {
          this.pos++;
          frame.expect = 'value';
        }
        return true;
      case 'value': {
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
        return true;
      }
      case 'comma':
        if (c === 125) {
          this.pos++;
          this.stack.pop();
        } else if (c === 44) {
          this.pos++;
          frame.expect = 'key';
        } else this.fail('expected , or }');
        return true;
    }
  }

  private beginValue(role: Role): void {
    this.valueActive = true;
    this.valueRole = role;
    this.valueStart = this.pos;
    this.valueScan = this.pos;
    this.valueDepth = 0;
    this.valueMaxDepth = 0;
    this.valueTooLong = false;
    this.valueInString = false;
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
        const close = findStringEnd(buf, Math.max(0, this.valueStringFrom), i);
        if (close < 0) {
          i = len - trailingBackslashes(buf, len); // re-examine a trailing run of backslashes next time
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
        this.valueStringFrom = i + 1;
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
    if (!this.valueTooLong && (end >= 0 ? end : i) - this.valueStart > this.maxValueChars) this.valueTooLong = true;
    this.valueScan = i;
    this.valueDepth = depth;
    if (end < 0) {
      if (!final) return false;
      if (depth === 0 && !this.valueInString && i > this.valueStart) end = i; // a scalar at the very end
      else {
        this.fail('the file ends inside a value');
        return false;
      }
    }
    this.valueActive = false;
    this.pos = end;
    if (end === this.valueStart) {
      this.fail('expected a value');
      return true;
    }
    const role = this.valueRole;
    if (role === 'tweet') {
      this.tweets++;
      if (this.valueTooLong) {
        this.sink.tweet(null, this.tweets, `tweet object longer than ${this.maxValueChars} characters`);
      } else if (this.valueMaxDepth > this.maxDepth) {
        this.sink.tweet(null, this.tweets, `nested deeper than ${this.maxDepth} levels`);
      } else {
        this.sink.tweet(buf.slice(this.valueStart, end), this.tweets, null);
      }
    } else if (role === 'user' && !this.valueTooLong && this.valueMaxDepth <= this.maxDepth) {
      this.sink.user(buf.slice(this.valueStart, end));
    }
    return true;
  }
}

function trailingBackslashes(buf: string, len: number): number {
  let n = 0;
  while (n < len && buf.charCodeAt(len - 1 - n) === 92) n++;
  return n;
}

/**
 * Index of the quote closing a JSON string whose content starts at `from` (searching from `searchFrom`),
 * or -1 when it is not in `buf` yet.
 */
function findStringEnd(buf: string, from: number, searchFrom = from): number {
  let i = searchFrom;
  for (;;) {
    const q = buf.indexOf('"', i);
    if (q < 0) return -1;
    let backslashes = 0;
    let j = q - 1;
    while (j >= from && buf.charCodeAt(j) === 92) {
      backslashes++;
      j--;
    }
    if (backslashes % 2 === 0) return q;
    i = q + 1;
  }
}
