import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import type { Logger } from "../app/utils/logger.server";

/**
 * What an incoming X-Request-Id may look like to be kept: nginx's `$request_id` (32 hex), a
 * UUID, a load balancer's trace id. Anything else (spaces, quotes, control characters, longer
 * than 128) is replaced by our own id rather than written into the log.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._~:=+/-]{1,128}$/;
/** A path longer than this is cut in the log line (the request itself is not affected). */
const MAX_LOGGED_PATH = 512;
/** At most this many query parameter names are logged. */
const MAX_QUERY_NAMES = 20;

type TrustFn = (address: string, hop: number) => boolean;

/**
 * The request's id: the one a trusted proxy sent (the socket's peer is trusted by TRUST_PROXY,
 * decision 009), if it looks sane; otherwise a fresh UUID. A client that talks to us directly
 * cannot choose the id its requests are logged under.
 */
export function requestIdOf(req: Request): string {
  const incoming = req.headers["x-request-id"];
  if (typeof incoming === "string" && SANE_REQUEST_ID.test(incoming)) {
    const trust = req.app.get("trust proxy fn") as TrustFn | undefined;
    const peer = req.socket.remoteAddress;
    if (trust && peer && trust(peer, 0)) return incoming;
  }
  return randomUUID();
}

/**
 * The target as logged: the path as received (cut at 512 characters) and the names of the
 * query parameters, never their values — a search box or a filter may carry a person's name,
 * a phone number or an enterprise's credit code (docs/decisions/024-access-log.md).
 */
export function loggedTarget(url: string): { path: string; query?: string[] } {
  const mark = url.indexOf("?");
  const rawPath = mark === -1 ? url : url.slice(0, mark);
  const path = rawPath.length > MAX_LOGGED_PATH ? `${rawPath.slice(0, MAX_LOGGED_PATH)}…` : rawPath;
  if (mark === -1) return { path };
  const names = [...new Set(new URLSearchParams(url.slice(mark + 1)).keys())]
    .slice(0, MAX_QUERY_NAMES)
    .map((name) => name.slice(0, 64));
  return names.length > 0 ? { path, query: names } : { path };
}

function byteLength(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === "string")
    return Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/** Counts the body bytes handed to the socket (after compression, which sits inside this). */
function countBytes(res: Response): () => number {
  let bytes = 0;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    bytes += byteLength(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") bytes += byteLength(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response["end"];
  return () => bytes;
}

export type RequestLogOptions = {
  logger: Logger;
  /** ACCESS_LOG: false keeps the request id but writes no access line. */
  enabled: boolean;
  /** Requests logged at debug rather than info, e.g. a load balancer's successful health checks. */
  probe?: (path: string, status: number) => boolean;
};

/**
 * The first middleware: gives every request an id (echoed as X-Request-Id, kept in
 * `res.locals.requestId`) and, when the response has been handed to the socket (or the client
 * went away first), writes ONE line at info: method, path, query names, status, duration in
 * ms, body bytes and the id. Nothing else in the server logs per request at info.
 */
export function requestLog(options: RequestLogOptions): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (!options.enabled) return next();
    const bytes = countBytes(res);
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      const target = loggedTarget(req.originalUrl);
      const status = res.statusCode;
      const line = {
        requestId,
        method: req.method,
        ...target,
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        bytes: bytes(),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (options.probe?.(target.path, status)) options.logger.debug(line, "request");
      else options.logger.info(line, "request");
    };
    res.once("finish", log);
    res.once("close", log);
    next();
  };
}

/**
 * The last middleware: an error no handler answered. Logged at error with its stack and the
 * request id (a 4xx error such as a malformed body is the client's, so only its access line
 * shows it); answered as Express would, without the stack.
 */
export function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const declared = (error as { status?: unknown; statusCode?: unknown } | null) ?? {};
    const raw = Number(declared.status ?? declared.statusCode);
    const status = Number.isInteger(raw) && raw >= 400 && raw <= 599 ? raw : 500;
    if (status >= 500) logger.error({ err: error, requestId: res.locals.requestId as string }, "request failed");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(status)
      .type("text/plain")
      .send(STATUS_CODES[status] ?? "Error");
  };
}
