// React.lazy for a route's screen, made to survive a missing network: the code is fetched through
// loadWhenOnline (offline: wait for the network), and a load that fails for good is not remembered:
// React.lazy keeps a rejected load forever, so a failed attempt is replaced by a fresh one, and the
// route boundary's retry (or the network's return) renders the screen again instead of the same error.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { browserRetryPolicy, loadWhenOnline, LoadFailedError, type RetryPolicy } from './load-when-online';

export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  policy: RetryPolicy = browserRetryPolicy(2),
): ComponentType<P> {
  const attempt = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(async () => {
      try {
        return { default: await loadWhenOnline(load, policy) };
      } catch (error) {
        current = attempt();
        throw new LoadFailedError('a screen', { cause: error });
      }
    });
  let current = attempt();
  function LazyScreen(props: P) {
    const Screen = current;
    return <Screen {...props} />;
  }
  return LazyScreen;
}
