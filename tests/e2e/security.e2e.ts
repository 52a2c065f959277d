import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, gotoHydrated, launchBrowser, loginThroughForm, newContext } from "./support/browser";
import { DEMO_PASSWORD, EXPIRED_SESSION_TOKEN, demoOrg } from "./support/constants";

const xinda = demoOrg("ent-xinda");
const EVIL = "http://evil.example";

describe("cross-origin POSTs are refused and write nothing", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const base = inject("baseURL");

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    await loginThroughForm(page, xinda.login.email, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("refuses a foreign-origin profile change with 403 and leaves the name as it was", async () => {
    const response = await context.request.post(`${base}/settings/organisation`, {
      headers: { Origin: EVIL, Referer: `${EVIL}/attack.html` },
      form: { name: "被篡改的单位名称", uscc: xinda.uscc!, regionCode: xinda.regionCode },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("cross-origin");

    await gotoHydrated(page, "/settings/organisation");
    expect(await page.locator("#field-name").inputValue()).toBe(xinda.name);
    await expectAccessible(page);
  });

  it("refuses a foreign-origin logout: the session still works", async () => {
    const response = await context.request.post(`${base}/logout`, { headers: { Origin: EVIL }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    await page.goto("/dashboard");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    expect(await page.locator("h1").textContent()).toBe(`${xinda.login.name}，您好`);
  });

  it("the audit log shows no profile change by anyone", async () => {
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await loginThroughForm(admin, demoOrg("platform").login.email, DEMO_PASSWORD);
    await gotoHydrated(admin, "/admin/audit?action=organisation.updated");
    expect(await admin.locator("main").textContent()).toContain("暂无记录");
    await expectAccessible(admin);
    // The page does list entries when there are some: the admin's own login is one.
    await gotoHydrated(admin, "/admin/audit?action=user.login");
    expect(await admin.locator("main table").textContent()).toContain("user.login");
    await adminContext.close();
  });

  it("the same logout from the app's own origin does end the session (control)", async () => {
    const response = await context.request.post(`${base}/logout`, { headers: { Origin: base }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    await page.goto("/dashboard");
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});

describe("sessions and the token API", () => {
  let browser: Browser;
  const base = inject("baseURL");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an expired session cookie is refused: /dashboard sends the visitor to /login", async () => {
    const context = await newContext(browser);
    await context.addCookies([
      { name: "anfu_session", value: EXPIRED_SESSION_TOKEN, url: base, httpOnly: true, sameSite: "Lax" },
    ]);
    const page = await context.newPage();
    await page.goto("/dashboard");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("redirectTo")).toBe("/dashboard");
    expect(await page.getByRole("banner").getByRole("link", { name: "登录" }).count()).toBe(1);
    await expectAccessible(page);
  });

  it("GET /api/v1/me with a demo token returns the token's organisation", async () => {
    const context = await newContext(browser);
    const response = await context.request.get(`${base}/api/v1/me`, {
      headers: { Authorization: `Bearer ${xinda.apiToken}` },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(body.organisation).toMatchObject({
      kind: "enterprise",
      name: xinda.name,
      uscc: xinda.uscc,
      regionCode: "330702",
      verificationStatus: "verified",
      suspended: false,
    });
    expect(body.organisation.regionName).toContain("婺城区");
  });

  it("GET /api/v1/me without a token, or with a wrong one, is 401 JSON", async () => {
    const context = await newContext(browser);
    const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer anfu_not_a_real_token_000000" }];
    for (const headers of attempts) {
      const response = await context.request.get(`${base}/api/v1/me`, { headers });
      expect(response.status()).toBe(401);
      expect(response.headers()["www-authenticate"]).toContain("Bearer");
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });

  it("the API ignores a browser session cookie: a logged-in page's fetch is still 401", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await loginThroughForm(page, xinda.login.email, DEMO_PASSWORD);
    const status = await page.evaluate(async () => (await fetch("/api/v1/me")).status);
    expect(status).toBe(401);
  });
});
