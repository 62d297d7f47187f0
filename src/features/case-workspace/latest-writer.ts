// Writes the latest value under one storage key, one write at a time: a newer value replaces a queued
// one, so fast typing costs one write in flight plus one waiting, never a queue of stale copies.
// A write starts in a task of its own, never inside the keystroke that asked for it: storing copies
// the whole value (IndexedDB's structured clone), which would otherwise delay the live panel (issue 3).
import type { DraftStorage } from './draft-storage';

/** Writes the latest value for one key, one write at a time; a newer value replaces a queued one. */
export class LatestWriter {
  private queued: { value: unknown } | 'remove' | null = null;
  private running = false;
  private started = false;

  constructor(
    private readonly storage: DraftStorage,
    private readonly key: string,
    private readonly onResult: (ok: boolean) => void,
  ) {}

  write(value: unknown): void {
    this.queued = { value };
    this.start();
  }

  remove(): void {
    this.queued = 'remove';
    this.start();
  }

  private start(): void {
    if (this.running || this.started) return;
    this.started = true;
    setTimeout(() => {
      this.started = false;
      void this.pump();
    }, 0);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queued !== null) {
        const next = this.queued;
        this.queued = null;
        try {
          if (next === 'remove') await this.storage.remove(this.key);
          else await this.storage.write(this.key, next.value);
          this.onResult(true);
        } catch {
          this.onResult(false);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
