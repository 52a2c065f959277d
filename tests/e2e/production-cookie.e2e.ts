import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, gotoHydrated, launchBrowser, newContext } from "./support/browser";
import { PROD_SMOKE_USER } from "./support/constants";

/**
 * NODE_ENV=production: the session cookie is `__Host-anfu_session` with Secure. Chromium
 * treats http://localhost as a secure context, so it accepts the cookie here too.
 */
describe("production mode session cookie", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("logging in through the page sets __Host-anfu_session; Secure; HttpOnly and the browser keeps it", async () => {
    const base = inject("productionURL");
    const context = await newContext(browser, { baseURL: base });
    const page = await context.newPage();
    await gotoHydrated(page, "/login");
    await expectAccessible(page);
    await page.locator("#field-email").fill(PROD_SMOKE_USER.email);
    await page.locator("#field-password").fill(PROD_SMOKE_USER.password);

    const loginResponse = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login"),
    );
    await page.locator("main button[type=submit]").click();
    const setCookie = (await (await loginResponse).headerValue("set-cookie")) ?? "";
    await page.waitForURL((url) => url.pathname === "/dashboard");

    const attributes = setCookie.split(";").map((part) => part.trim());
    expect(attributes[0]).toMatch(/^__Host-anfu_session=[a-z2-7]{20,}$/);
    expect(attributes).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(attributes.some((a) => a.toLowerCase().startsWith("domain="))).toBe(false);

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__Host-anfu_session");
    expect(session).toMatchObject({ secure: true, httpOnly: true, path: "/", sameSite: "Lax" });
    expect(cookies.find((c) => c.name === "anfu_session")).toBeUndefined();

    // A full page load sends the cookie back: still signed in.
    await page.goto("/dashboard");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expectAccessible(page);
  });
});
