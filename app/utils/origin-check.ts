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
  return input.host !== null && sourceUrl.host === input.host;
}
