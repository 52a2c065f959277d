import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  gotoHydrated,
  launchBrowser,
  loginThroughForm,
  newContext,
  screenshot,
} from "./support/browser";
import { DEMO_PASSWORD, demoOrg } from "./support/constants";

/**
 * Remote guidance and free check-ups (issue 8) in Chromium, on the shared demo server: an
 * enterprise asks the provider serving it (the demo contract of app/seed/training-demo-data.ts),
 * the provider answers in the thread, both see it; a bureau creates a free check-up program and
 * adds two enterprises of its region.
 */
const SUBJECT = `喷漆房通风检测（e2e ${Date.now()}）`;

describe("remote guidance and free check-ups", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an enterprise asks its provider in a thread; the provider answers; both see it", async () => {
    const enterprise = await (await newContext(browser)).newPage();
    await loginThroughForm(enterprise, demoOrg("ent-xinda").login.email, DEMO_PASSWORD);
    await gotoHydrated(enterprise, "/guidance/new");
    await enterprise.locator("#field-channel").selectOption("provider");
    await enterprise.locator("#field-counterpartOrgId").selectOption({ label: demoOrg("prov-anzheng").name });
    await enterprise.locator("#field-subject").fill(SUBJECT);
    await enterprise.locator("#field-body").fill("喷漆房排风量应达到多少？是否需要每年检测？");
    await enterprise.locator("main button[type=submit]").click();
    await enterprise.waitForURL(/\/guidance\/[0-9a-f-]{36}$/);
    const threadUrl = new URL(enterprise.url()).pathname;
    // The URL changes before the thread page has rendered (client-side navigation): wait for it.
    await enterprise.locator("h1", { hasText: SUBJECT }).waitFor();
    expect(await enterprise.locator("[data-state]").first().getAttribute("data-state")).toBe("waiting");

    const provider = await (await newContext(browser)).newPage();
    await loginThroughForm(provider, demoOrg("prov-anzheng").login.email, DEMO_PASSWORD);
    await gotoHydrated(provider, "/guidance");
    await expectAccessible(provider);
    await provider.getByRole("link", { name: SUBJECT }).click();
    await provider.waitForURL((url) => url.pathname === threadUrl);
    await provider.waitForFunction(() => "__remixRouter" in window);
    await provider.locator("#field-body").fill("排风量按 GB 6514 计算，建议每年委托检测一次。");
    await provider.locator("main button[type=submit]", { hasText: "发送" }).click();
    await provider.waitForFunction(() => document.querySelectorAll("[data-testid=guidance-message]").length === 2);
    // The box clears after sending, so a second click cannot send the text again.
    expect(await provider.locator("#field-body").inputValue()).toBe("");
    expect(await provider.locator("[data-state]").first().getAttribute("data-state")).toBe("met");
    await screenshot(provider, "guidance-thread-provider");

    await gotoHydrated(enterprise, threadUrl);
    const messages = enterprise.locator("[data-testid=guidance-message]");
    expect(await messages.count()).toBe(2);
    expect(await messages.nth(1).textContent()).toContain("GB 6514");
    await expectAccessible(enterprise);

    // A third party sees nothing of it.
    const other = await (await newContext(browser)).newPage();
    await loginThroughForm(other, demoOrg("ent-jiamei").login.email, DEMO_PASSWORD);
    const response = await other.goto(threadUrl);
    expect(response?.status()).toBe(404);
  });

  it("a bureau creates a free check-up program with two enterprises", async () => {
    const page = await (await newContext(browser)).newPage();
    await loginThroughForm(page, demoOrg("bureau-jinhua").login.email, DEMO_PASSWORD);
    await gotoHydrated(page, "/checkups/new");
    await page.locator("#field-name").fill(`e2e 免费安全体检 ${Date.now()}`);
    await page.locator("#field-startsOn").fill("2026-12-01");
    await page.locator("#field-endsOn").fill("2027-03-31");
    await page.locator("main button[type=submit]").click();
    await page.waitForURL(/\/checkups\/[0-9a-f-]{36}$/);
    const programUrl = new URL(page.url()).pathname;
    for (const name of [demoOrg("ent-xinda").name, demoOrg("ent-jiamei").name]) {
      await gotoHydrated(page, `${programUrl}?q=${encodeURIComponent(name.slice(-8))}`);
      await page.locator("li", { hasText: name }).getByRole("button", { name: "加入" }).click();
      await page.waitForURL((url) => url.pathname === programUrl && !url.search);
    }
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=checkup-place]").length === 2);
    expect(await page.getByTestId("checkup-progress").textContent()).toContain("计划 2");
    expect(await page.locator("main").textContent()).toContain("不作为处罚依据");
    await expectAccessible(page);
    await screenshot(page, "checkup-program-bureau");
  });
});
