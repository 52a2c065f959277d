// Issue 6 #9: the language cookie is Secure in production, like the session cookie.
import { afterEach, describe, expect, it, vi } from "vitest";

const original = process.env.NODE_ENV;
afterEach(() => {
  (process.env as Record<string, string | undefined>).NODE_ENV = original;
  vi.resetModules();
});

async function serialisedIn(nodeEnv: string): Promise<string> {
  (process.env as Record<string, string>).NODE_ENV = nodeEnv;
  vi.resetModules();
  const { languageCookie } = await import("./i18n.server");
  return languageCookie.serialize("en");
}

describe("lng cookie", () => {
  it("is Secure in production", async () => {
    expect(await serialisedIn("production")).toMatch(/;\s*Secure/i);
  });

  it("is not Secure in development, where the site runs on plain http", async () => {
    expect(await serialisedIn("development")).not.toMatch(/;\s*Secure/i);
  });
});
