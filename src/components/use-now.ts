// The current instant for expiry and due dates (R15, R17), re-read every minute so a page left open
// shows an action as expired once its period ends. Reads `Date`, so Playwright's clock moves it.
import { useEffect, useState } from 'react';

export function useNow(refreshMs = 60_000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return now;
}
