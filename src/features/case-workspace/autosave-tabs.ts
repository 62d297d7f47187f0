// What the autosave of one user and case shares with the other editors of that user and case (issue 14):
// another tab of the same browser, or the next editor in this tab (a remount). Two mechanisms:
// - a Web Lock per user and case, so one editor at a time sends (and the next one first reads what the
//   previous one saved, see CaseAutosave.catchUp); a promise queue stands in where the browser has no
//   Web Locks (jsdom, old browsers), which still orders the editors of one tab;
// - a BroadcastChannel per user and case, over which every editor tells the others each edit, so all
//   tabs hold the same content: the one local draft they share is then complete whichever wrote it
//   last, and whichever tab stays open sends what a closed one had not sent yet.

export type TabListener = (data: unknown) => void;

/** Tabs of one browser (or a fake of them): a post reaches every other member of the name, never the sender. */
export interface TabHub {
  join(name: string, listener: TabListener): { post: (data: unknown) => void; leave: () => void };
}

export function autosaveTabName(userId: string, caseId: string): string {
  return `cha.autosave:${userId}:${caseId}`;
}

/** The browser's tabs through BroadcastChannel; null where the browser has none. */
export function broadcastTabHub(): TabHub | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  return {
    join(name, listener) {
      const channel = new BroadcastChannel(name);
      channel.addEventListener('message', (event: MessageEvent<unknown>) => listener(event.data));
      // A BroadcastChannel reaches this origin only: there is no target origin to name (the rule is for window.postMessage).
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      return { post: (data) => channel.postMessage(data), leave: () => channel.close() };
    },
  };
}

/** Tabs in one JavaScript realm, for tests: delivers a copy in a task of its own, like BroadcastChannel. */
export function memoryTabHub(): TabHub {
  const members = new Map<string, Set<TabListener>>();
  return {
    join(name, listener) {
      const group = members.get(name) ?? new Set<TabListener>();
      members.set(name, group);
      group.add(listener);
      return {
        post: (data) => {
          for (const other of group) {
            if (other === listener) continue;
            const copy = structuredClone(data);
            setTimeout(() => {
              if (group.has(other)) other(copy);
            }, 0);
          }
        },
        leave: () => {
          group.delete(listener);
        },
      };
    },
  };
}

const localQueues = new Map<string, Promise<unknown>>();

/** Runs `task` while no other editor of the same name holds the lock, in this tab or (Web Locks) any other. */
export function runExclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) return locks.request(name, task);
  const previous = localQueues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  localQueues.set(name, tail);
  void tail.then(() => {
    if (localQueues.get(name) === tail) localQueues.delete(name);
  });
  return run;
}
