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
 * The expert pool (decision 021): the 金华 bureau draws 2 experts for 信达五金 at random; the
 * result names the drawn, every expert set aside with the reason (方国平 declared a conflict
 * with 信达, 叶春花 paused), the seed, and the re-run check; the draw is in the list.
 */
describe("bureau random draw of experts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws 2 experts for an enterprise and shows the excluded with reasons", async () => {
    const page = await (await newContext(browser)).newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await loginThroughForm(page, demoOrg("bureau-jinhua").login.email, DEMO_PASSWORD);

    await gotoHydrated(page, "/experts");
    expect(await page.locator("h1").textContent()).toBe("专家库");
    expect(await page.locator("main table").textContent()).toContain("何志远");

    await gotoHydrated(page, "/bureau/expert-draws/new");
    await page.fill("#field-task", "粉尘涉爆与机械安全专项检查");
    await page.selectOption("#field-enterpriseId", { label: demoOrg("ent-xinda").name });
    await page.selectOption("#field-specialty", "mechanical");
    await page.fill("#field-count", "2");
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL(/\/bureau\/expert-draws\/[0-9a-f-]{36}$/),
      page.click("main form button[type=submit]"),
    ]);

    // The URL changes as the client-side navigation starts; wait for the result to render.
    await page.waitForSelector("[data-testid=drawn-experts]");
    expect(await page.locator("h1").textContent()).toBe("专家抽取结果");
    expect(await page.locator("[data-testid=drawn-experts] li").count()).toBe(2);
    const excluded = (await page.locator("[data-testid=excluded-experts]").textContent()) ?? "";
    expect(excluded).toContain("方国平");
    expect(excluded).toContain("申报与被检查企业有利害关系（回避）");
    expect(excluded).toContain("叶春花");
    expect(excluded).toContain("暂停接受指派");
    expect(excluded).toContain("专业领域不符");
    expect((await page.locator("[data-testid=draw-seed]").textContent())?.trim()).toMatch(/^[0-9a-f]{32}$/);
    expect(await page.locator("[data-testid=rerun-result]").textContent()).toContain("抽中的专家与记录一致");
    await expectAccessible(page);
    await screenshot(page, "expert-draw-result");

    await gotoHydrated(page, "/bureau/expert-draws");
    expect(await page.locator("main table").textContent()).toContain(demoOrg("ent-xinda").name);
    // The drawn experts are assigned: the bureau sees its assignments.
    await gotoHydrated(page, "/experts/assignments");
    expect(await page.locator("main table").textContent()).toContain("粉尘涉爆与机械安全专项检查");
  });
});
