import type { Server, ServerResponse } from "node:http";
import type { RequestHandler } from "express";

/**
 * Graceful shutdown for a keep-alive HTTP server. `server.close()` alone only stops the
 * listener: clients holding keep-alive sockets go on sending requests, the sockets never turn
 * idle, and the process runs into its kill timer and cuts whatever is in flight. Once
 * `drain()` is called:
 * - the listener closes (new connections are refused);
 * - idle keep-alive sockets are closed at once;
 * - every response not yet started — in flight or arriving on an open socket — carries
 *   `Connection: close`, so Node closes its socket once the full body is written;
 * - a socket whose response had already started is closed as soon as that response ends.
 * It resolves when the last socket has gone.
 */
export function drainer(server: Server) {
  const open = new Set<ServerResponse>();
  let draining = false;
  let drained: Promise<void> | null = null;

  const closeWhenDone = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
    // Headers already out: the response may not announce the close, so drop the socket once idle.
    res.once("finish", () => setImmediate(() => server.closeIdleConnections()));
  };

  const middleware: RequestHandler = (_req, res, next) => {
    open.add(res);
    res.once("close", () => open.delete(res));
    if (draining) closeWhenDone(res);
    next();
  };

  function drain(): Promise<void> {
    if (drained) return drained;
    draining = true;
    drained = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of open) closeWhenDone(res);
    server.closeIdleConnections();
    return drained;
  }

  return { middleware, drain, isDraining: () => draining };
}
