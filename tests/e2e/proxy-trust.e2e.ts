import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_IP } from "../../app/domain/login-throttle";
import { ownServer } from "./support/own-server";

/**
 * Issue 6, defect 2, through a real server process: with TRUST_PROXY=1 (one proxy in front)
 * the client is the right-most X-Forwarded-For entry, the one the proxy wrote. Entries to its
 * left are the client's own claim: 40 failed logins each claiming another address used to be
 * 40 IPs, none throttled.
 */
describe("TRUST_PROXY=1 behind one proxy", () => {
  let running: Awaited<ReturnType<typeof ownServer>>;
  beforeAll(async () => {
    running = await ownServer("proxy-trust", { TRUST_PROXY: "1" });
  });
  afterAll(async () => {
    await running?.close();
  });

  const failLogin = (email: string, forwardedFor: string) =>
    fetch(`${running.server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: running.server.url,
        "X-Forwarded-For": forwardedFor,
      },
      body: new URLSearchParams({ email, password: "wrong-password-123" }),
    });

  it("forged left-most entries do not change the client IP: the proxy's address is throttled", async () => {
    const statuses: number[] = [];
    for (let n = 1; n <= MAX_FAILURES_PER_IP + 10; n++) {
      // Each from another account, so only the per-IP limit can apply.
      const response = await failLogin(`nobody-${n}@proxy.anfu.test`, `198.51.100.${n}, 127.0.0.1`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.slice(0, MAX_FAILURES_PER_IP).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(MAX_FAILURES_PER_IP)).toEqual(Array(10).fill(429));
  });

  it("the entry the proxy appended is the client: another client behind the same proxy is not throttled", async () => {
    const response = await failLogin("someone-else@proxy.anfu.test", "198.51.100.1, 203.0.113.7");
    await response.arrayBuffer();
    expect(response.status).toBe(401);
  });
});
