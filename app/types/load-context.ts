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
  interface AppLoadContext extends AnfuLoadContext {}
}
