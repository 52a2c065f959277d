import { DEMO_ORGS, DEMO_PASSWORD } from "../../../app/seed/demo-data";
import { TEST_PASSWORD } from "../../factories/accounts";

/** A session token whose row the fixtures insert already expired (base32 alphabet). */
export const EXPIRED_SESSION_TOKEN = "e2eexpiredsessiontokenaaaaaaaaaaaaa";
export const EXPIRED_SESSION_USER = "xinda@ent.anfu.demo";

export const PROD_SMOKE_USER = { email: "prod-smoke@e2e.anfu.test", password: TEST_PASSWORD };

export function demoOrg(key: string) {
  const org = DEMO_ORGS.find((o) => o.key === key);
  if (!org) throw new Error(`no demo organisation ${key}`);
  return org;
}

export { DEMO_PASSWORD };
