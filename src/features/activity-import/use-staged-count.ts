// Mounting a large result in one commit (plus the style recalculation and layout it forces) is a
// main-thread task over 50 ms on a slow machine. A staged count grows towards `target` by `step`,
// one transition per frame, so the page mounts it piece by piece between frames.
import { startTransition, useEffect, useState } from 'react';

const FRAME_MS = 16;

export function useStagedCount(target: number, step: number, initial = step): number {
  const [count, setCount] = useState(initial);
  useEffect(() => {
    if (count >= target) return;
    const timer = setTimeout(() => startTransition(() => setCount((current) => current + step)), FRAME_MS);
    return () => clearTimeout(timer);
  }, [count, target, step]);
  return Math.min(count, target);
}
