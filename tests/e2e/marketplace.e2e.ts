import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { demoOrg } from "./support/constants";
import {
  expectAccessible,
  gotoHydrated,
  launchBrowser,
  loginThroughForm,
  newContext,
  screenshot,
} from "./support/browser";

/**
 * The marketplace from end to end, in Chinese, each party in its own browser context:
 * a need, two quotes, a pick, delivery of a report, acceptance, both reviews, and the
 * provider's public credit page; plus the rules a user meets on the way.
 */
const enterprise = demoOrg("ent-xinda");
const anzheng = demoOrg("prov-anzheng");
const anlian = demoOrg("prov-anlian");
const anda = demoOrg("prov-anda");
const stamp = Date.now().toString(36);

let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(email: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await loginThroughForm(page, email, DEMO_PASSWORD);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** Posts a need as the enterprise and returns its id. */
async function postRequest(page: Page, category: string, title: string): Promise<string> {
  await gotoHydrated(page, "/requests/new");
  await page.locator("#field-category").selectOption(category);
  await page.locator("#field-title").fill(title);
  await page
    .locator("#field-description")
    .fill("金华市婺城区五金制品厂，员工 60 人，冲压、喷涂车间各一个，需要现场服务并出具书面报告。");
  await page.locator("#field-budget").fill("20000");
  await page.locator("main button[type=submit]").click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

/** The need is in the provider's inbox; the provider opens it and quotes. */
async function quote(page: Page, requestId: string, yuan: string, plan: string) {
  await gotoHydrated(page, "/provider/inbox");
  await expect(page.locator(`a[href="/provider/inbox/${requestId}"]`).count()).resolves.toBe(1);
  await gotoHydrated(page, `/provider/inbox/${requestId}`);
  await page.locator("#field-price").fill(yuan);
  await page.locator("#field-plan").fill(plan);
  await page.locator("#field-durationDays").fill("20");
  await page.getByRole("button", { name: "提交报价" }).click();
}

async function press(page: Page, label: string) {
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.waitForLoadState("networkidle");
}

async function rateAll(page: Page, names: string[], score: number) {
  for (const name of names) await page.locator(`input[type=radio][name=${name}][value="${score}"]`).check();
}

describe("an enterprise buys safety consulting on the marketplace", () => {
  it("posts a need, gets two quotes, picks one, and the engagement runs to acceptance with both reviews", async () => {
    const ent = await pageFor(enterprise.login.email);
    const zheng = await pageFor(anzheng.login.email);
    const lian = await pageFor(anlian.login.email);

    // The provider's public credit page before: a new provider, no rating.
    await gotoHydrated(zheng, "/credit");
    await zheng.locator("main").getByRole("link", { name: anzheng.name }).first().click();
    await zheng.waitForURL(/\/credit\/[0-9a-f-]{36}$/);
    const creditUrl = new URL(zheng.url()).pathname;
    await expect.poll(() => zheng.locator("main").innerText()).toContain("暂无评分");

    const title = `安全生产标准化咨询 ${stamp}`;
    const requestId = await postRequest(ent, "consulting", title);
    await expectAccessible(ent);

    await quote(zheng, requestId, "12000", "两名注册安全工程师上门诊断，编制标准化文件，一个月内完成。");
    await expect.poll(() => zheng.locator("main").innerText()).toContain("报价已提交");
    await quote(lian, requestId, "15800", "评价师带队现场核查，出具咨询报告。");
    await expect.poll(() => lian.locator("main").innerText()).toContain("报价已提交");
    await expectAccessible(lian);

    // Side by side: both providers, both prices; the enterprise picks 安正.
    await gotoHydrated(ent, `/requests/${requestId}`);
    const headers = await ent.locator("thead th").allInnerTexts();
    expect(headers.join("|")).toContain(anzheng.name);
    expect(headers.join("|")).toContain(anlian.name);
    await expect.poll(() => ent.locator("table").innerText()).toContain("¥12,000.00");
    await expect.poll(() => ent.locator("table").innerText()).toContain("¥15,800.00");
    await expectAccessible(ent);
    await screenshot(ent, "marketplace-compare-quotes");
    const column = headers.findIndex((h) => h.includes(anzheng.name)) - 1;
    await ent.locator("tbody tr").last().locator("td").nth(column).getByRole("button").click();
    await ent.waitForURL(/\/engagements\/[0-9a-f-]{36}$/);
    const engagementPath = new URL(ent.url()).pathname;
    await expect.poll(() => ent.locator("main").innerText()).toContain("已签约");

    // The provider starts, uploads its report, delivers.
    await gotoHydrated(zheng, engagementPath);
    await press(zheng, "开始服务");
    await zheng.locator("#field-reportTitle").fill("安全生产标准化诊断报告");
    await zheng.locator("#field-file").setInputFiles({
      name: "诊断报告.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    });
    await press(zheng, "上传");
    await expect.poll(() => zheng.locator("main").innerText()).toContain("安全生产标准化诊断报告");
    await press(zheng, "提交交付");
    await expect.poll(() => zheng.locator("main").innerText()).toContain("已交付，待验收");

    // The enterprise sees the report and accepts.
    await gotoHydrated(ent, engagementPath);
    // The report's download link: exactly one, pointing at the stored file (a locator object
    // itself is always truthy, so count and href are what can fail here).
    const report = ent.getByRole("link", { name: /诊断报告\.pdf/ });
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.getAttribute("href")).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    await press(ent, "验收通过");
    await expect.poll(() => ent.locator("main").innerText()).toContain("已验收");
    await expectAccessible(ent);

    // Both review; the enterprise's review is hidden from the provider until both are in.
    const reviewText = `响应快、报告扎实 ${stamp}`;
    await rateAll(ent, ["professionalism", "timeliness", "effect"], 5);
    await ent.locator("textarea[id^=review-body-]").fill(reviewText);
    await press(ent, "提交评价");
    await expect.poll(() => ent.locator("main").innerText()).toContain("对方尚未评价");

    await gotoHydrated(zheng, engagementPath);
    expect(await zheng.locator("main").innerText()).not.toContain(reviewText);
    await rateAll(zheng, ["overall"], 5);
    await press(zheng, "提交评价");
    await expect.poll(() => zheng.locator("main").innerText()).toContain(reviewText);
    await screenshot(zheng, "marketplace-engagement-reviewed");

    // The public credit page now carries the review and the grade's new reasons.
    await gotoHydrated(zheng, creditUrl);
    const creditText = await zheng.locator("main").innerText();
    expect(creditText).toContain("5.0 分（1 条评价）");
    expect(creditText).toContain(reviewText);
    expect(creditText).toContain("按期交付");
    await expectAccessible(zheng);
  });
});

describe("marketplace rules a user meets", () => {
  it("hides a listing whose required qualification has expired, and tells its owner why", async () => {
    const da = await pageFor(anda.login.email);
    await gotoHydrated(da, "/provider/listings");
    const text = await da.locator("main").innerText();
    expect(text).toMatch(/资质已于 \d{4}-\d{2}-\d{2} 过期/);
    await expectAccessible(da);

    // The hidden listing is not found publicly.
    const hiddenRow = da.locator("tr", { hasText: "过期" }).first();
    const href = await hiddenRow.getByRole("link").first().getAttribute("href");
    const listingId = href!.split("/").at(-1)!;
    const response = await da.request.get(`/listings/${listingId}`);
    expect(response.status()).toBe(404);
  });

  it("refuses custody to the provider that assessed the enterprise (no referee-and-player)", async () => {
    const ent = await pageFor(enterprise.login.email);
    const lian = await pageFor(anlian.login.email);

    // 安联 is picked for a safety assessment of the enterprise.
    const assessmentId = await postRequest(ent, "assessment", `安全现状评价 ${stamp}`);
    await quote(lian, assessmentId, "30000", "在役装置安全现状评价，出具评价报告。");
    await expect.poll(() => lian.locator("main").innerText()).toContain("报价已提交");
    await gotoHydrated(ent, `/requests/${assessmentId}`);
    await ent.getByRole("button", { name: "选择此报价并签约" }).click();
    await ent.waitForURL(/\/engagements\/[0-9a-f-]{36}$/);

    // Then the enterprise seeks custody; 安联 may not take it.
    const custodyId = await postRequest(ent, "custody", `年度安全托管 ${stamp}`);
    await gotoHydrated(lian, `/provider/inbox/${custodyId}`);
    await lian.locator("#field-price").fill("4800");
    await lian.locator("#field-plan").fill("每月一次上门检查，全年托管。");
    await lian.getByRole("button", { name: "提交报价" }).click();
    await expect.poll(() => lian.locator("main").innerText()).toContain("不得既当裁判员又当运动员");
    await expectAccessible(lian);
    await screenshot(lian, "marketplace-referee-and-player");
  });

  it("answers the public providers API over HTTP with ranked JSON, and a bad parameter with a real 400", async () => {
    const context = await newContext(browser);
    contexts.push(context);
    const ok = await context.request.get("/api/v1/providers?region=330700&category=consulting");
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.providers.length).toBeGreaterThan(0);
    expect(body.providers[0].reasons.length).toBeGreaterThan(0);
    const bad = await context.request.get("/api/v1/providers?grade=E");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_query");
  });
});
