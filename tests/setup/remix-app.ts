import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createServer, type ViteDevServer } from "vite";

export type RemixApp = {
  build: ServerBuild;
  handle: (request: Request, context: Record<string, unknown>) => Promise<Response>;
  close: () => Promise<void>;
};

/**
 * The app's real server build (every route of app/routes.ts, root loader, entry.server),
 * compiled by Vite in memory as `npm run dev` does, behind Remix's own request handler:
 * requests go through routing, loaders, actions and error boundaries exactly as in production.
 */
export async function loadRemixApp(): Promise<RemixApp> {
  const vite: ViteDevServer = await createServer({
    logLevel: "error",
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: "custom",
  });
  const build = (await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
  const handler = createRequestHandler(build, "test");
  return {
    build,
    handle: (request, context) => handler(request, context as never),
    close: () => vite.close(),
  };
}
