/**
 * CSRF defence for cookie-authenticated requests: a state-changing request must come from
 * our own origin. Browsers send Origin on every cross-site POST; Referer is the fallback for
 * the few that strip Origin. A request with neither is refused, because a browser form
 * always sends one of them.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  origin: string | null;
  referer: string | null;
  /** The Host header the request arrived with. */
  host: string | null;
  /** The scheme the request arrived with ("http" or "https"); without it, "http". */
  protocol?: string;
  /** When the app runs behind a proxy, its public origin (https://anfu.example.cn). */
  appOrigin?: string;
};

export function isAllowedOrigin(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  // "null" is an opaque origin (sandboxed frame, cross-origin redirect): the browser is
  // hiding where the request came from, so a Referer must not vouch for it.
  if (input.origin === "null") return false;
  const source = input.origin || input.referer;
  if (!source) return false;
  let sourceUrl: URL;
  try {
    sourceUrl = new URL(source);
  } catch {
    return false;
  }
  if (input.appOrigin) return sourceUrl.origin === new URL(input.appOrigin).origin;
  // Scheme, host and port all count: https://host:port is another origin than http://host:port.
  const own = ownOrigin(input.protocol ?? "http", input.host);
  return own !== null && sourceUrl.origin === own;
}

function ownOrigin(protocol: string, host: string | null): string | null {
  if (!host || !/^https?$/.test(protocol)) return null;
  try {
    const url = new URL(`${protocol}://${host}`);
    // A Host header smuggling a path, query or credentials is not a host.
    const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    return bare ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The path the router will see: `/api/../settings` and `/api/%2e%2e/settings` are
 * `/settings` to Remix, so exemptions must be decided on this, never on the raw path.
 */
export function normalisedPath(rawUrl: string): string {
  try {
    return new URL(rawUrl, "http://anfu.invalid").pathname;
  } catch {
    return "/";
  }
}
