// Writes the latest value under one storage key, one write at a time: a newer value replaces a queued
// one, so fast typing costs one write in flight plus one waiting, never a queue of stale copies.
import type { DraftStorage } from './draft-storage';

/** Writes the latest value for one key, one write at a time; a newer value replaces a queued one. */
export class LatestWriter {
  private queued: { value: unknown } | 'remove' | null = null;
  private running = false;

  constructor(
    private readonly storage: DraftStorage,
    private readonly key: string,
    private readonly onResult: (ok: boolean) => void,
  ) {}

  write(value: unknown): void {
    this.queued = { value };
    void this.pump();
  }

  remove(): void {
    this.queued = 'remove';
    void this.pump();
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
