import type { Db } from "../../db/client";
import type { Env } from "../utils/env.server";

/** What the server entry hands to every loader and action. */
export type AnfuLoadContext = {
  db: Db;
  env: Env;
  cspNonce: string;
  clientIp: string;
};

declare module "@remix-run/node" {
  // Declaration merging: the empty body is how Remix's context type gets our fields.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AnfuLoadContext {}
}
