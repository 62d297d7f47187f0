// React.lazy for a route's screen, made to survive a missing network and to arrive in one round trip:
// - the code is fetched through loadWhenOnline (offline: wait for the network), and a load that fails
//   for good is not remembered (React.lazy keeps a rejected load forever): a failed attempt is
//   replaced by a fresh one, so the route boundary's retry, or the network's return, renders the
//   screen again instead of the same error;
// - the screen's texts (`texts`: its namespaces) are asked for beside its code. Without them listed,
//   each component asks for its namespace when it first renders, and the case page waited for five
//   round trips one after another (workspace, live, submission, conversation, engine) before it
//   showed: 3 s on a fresh browser here, more than 10 s on a loaded 2-core machine.
import { lazy, use, type ComponentType, type LazyExoticComponent } from 'react';
import { getI18n, I18nContext } from 'react-i18next';
import type { Namespace } from './i18n-namespaces';
import { browserRetryPolicy, loadWhenOnline, LoadFailedError, type RetryPolicy } from './load-when-online';

export interface LazyScreenOptions {
  /** The namespaces the screen's components use on first render (one left out still loads, later). */
  texts?: readonly Namespace[];
  policy?: RetryPolicy;
}

export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { texts = [], policy = browserRetryPolicy(2) }: LazyScreenOptions = {},
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
    const i18n = use(I18nContext)?.i18n ?? getI18n();
    // A preload, like react-dom's: i18next loads each namespace once (a second ask joins the first),
    // and the components that read the texts suspend on them as before; one that failed is reported
    // when a text of it is read (i18n.ts), with a retry.
    if (!texts.every((namespace) => i18n.hasLoadedNamespace(namespace))) void i18n.loadNamespaces([...texts]);
    const Screen = current;
    return <Screen {...props} />;
  }
  return LazyScreen;
}
