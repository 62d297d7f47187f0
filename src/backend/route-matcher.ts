// Routing from the endpoint table: a request is matched on method and path pattern, so adding an
// endpoint to the table is the only step needed for the backend to see it.
import { endpoints, type EndpointName } from '../api/contract/endpoints';

export interface RouteMatch {
  name: EndpointName;
  params: Record<string, string>;
}

interface CompiledRoute {
  name: EndpointName;
  method: string;
  pattern: RegExp;
  paramNames: string[];
}

function compile(name: EndpointName): CompiledRoute {
  const { method, path } = endpoints[name];
  const paramNames: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { name, method, pattern: new RegExp(`^${source}$`), paramNames };
}

const ROUTES: readonly CompiledRoute[] = (Object.keys(endpoints) as EndpointName[]).map(compile);

/** `null` when nothing matches; `{ methodMismatch }` when the path exists under another method. */
export function matchRoute(method: string, path: string): RouteMatch | { methodMismatch: true } | null {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let pathExists = false;
  for (const route of ROUTES) {
    const found = route.pattern.exec(normalised);
    if (!found) continue;
    pathExists = true;
    if (route.method !== method.toUpperCase()) continue;
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, index) => {
      params[name] = safeDecode(found[index + 1] ?? '');
    });
    return { name: route.name, params };
  }
  return pathExists ? { methodMismatch: true } : null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is left as it came; the params schema then refuses it.
    return segment;
  }
}
