import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, gotoHydrated, launchBrowser, newContext, screenshot } from "./support/browser";

/**
 * Search that people can use (issue 11), as an anonymous visitor: an abbreviation finds the
 * listings that spell the term out, and a search that finds nothing offers a way on.
 */
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("anonymous search", () => {
  it("finds a listing by 危化 although its text says 危险化学品 or 危化品", async () => {
    context = await newContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, "/listings");
    await page.locator("#field-q").fill("危化");
    await page.locator("form[role=search] button[type=submit]").first().click();
    await page.waitForURL((url) => url.searchParams.get("q") === "危化");
    const results = page.locator("section[aria-labelledby=results-heading] ol > li");
    expect(await results.count()).toBeGreaterThan(0);
    // The first result is above the fold: the advanced filters are folded away.
    const box = await results.first().boundingBox();
    expect(box!.y).toBeLessThan(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "search-abbreviation-390");
    await expectAccessible(page);

    await results.first().locator("h3 a").click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    expect(await page.locator("main").innerText()).toMatch(/危险化学品|危化品/);
  });

  it("职业卫生 finds 青岛安达 by its category, its fit shown in words and a bar, not as a number", async () => {
    const page = await context.newPage();
    await gotoHydrated(page, `/providers?q=${encodeURIComponent("职业卫生")}&region=370212`);
    const first = page.locator("section[aria-labelledby=results-heading] ol > li").first();
    expect(await first.locator("h3 a").innerText()).toContain("青岛安达");
    const meter = first.locator("[role=meter]");
    expect(await meter.count()).toBe(1);
    const fit = await meter.locator("xpath=..").innerText();
    expect(fit).toMatch(/匹配/);
    expect(fit).not.toMatch(/\d/);
    await expectAccessible(page);
  });

  it("a search that finds nothing offers to drop a filter and to post a request with the terms", async () => {
    const page = await context.newPage();
    await gotoHydrated(page, `/listings?q=${encodeURIComponent("危化 不存在的词")}&grade=A`);
    const status = page.locator("[role=status]");
    await expect.poll(() => status.count()).toBe(1);
    const drop = status.locator("ul a");
    expect(await drop.count()).toBe(2);
    const post = status.locator('a[href^="/requests/new"]');
    const href = new URL((await post.getAttribute("href"))!, "http://x");
    expect(href.searchParams.get("title")).toBe("危化 不存在的词");
    await expectAccessible(page);
    // Dropping the keyword keeps the grade filter.
    await drop.first().click();
    await page.waitForURL((url) => !url.searchParams.has("q"));
    expect(new URL(page.url()).searchParams.get("grade")).toBe("A");
  });
});
