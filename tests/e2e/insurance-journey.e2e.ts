import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInTemplate, templateItems } from "../../app/domain/checklist-templates";
import { shanghaiDateString } from "../../app/domain/format";
import { makeUscc } from "../factories/accounts";
import { DEMO_PASSWORD, demoOrg } from "./support/constants";
import {
  gotoHydrated,
  launchBrowser,
  loginThroughForm,
  newContext,
  screenshot,
  waitForHydration,
} from "./support/browser";

/**
 * Issue 9's "Done means", chained in Chromium on the demo server:
 * 1. 安泰 imports policies from a CSV: a row with a bad USCC is refused with its row number and
 *    reason and nothing is written; the fixed file imports both rows.
 * 2. The policy of 鑫达 shows its derived plan (risk assessment, key inspections, …).
 * 3. 安泰 schedules the risk assessment, records the visit with a checklist that raises a hazard,
 *    confirms; 鑫达 confirms on its phone: the item is 已完成 (dual-confirmed, AQ 9010).
 * 4. 金华市应急管理局 inspects 鑫达 (a government inspection) and finds a hazard: the policy now
 *    has a 协助整改 item due at the hazard's deadline.
 * 5. The bureau's insurance oversight shows 安泰 with its completion.
 */
const antai = demoOrg("insurer-jinhua");
const xinda = demoOrg("ent-xinda");
const bureau = demoOrg("bureau-jinhua");

const day = (offset: number) => shanghaiDateString(new Date(Date.now() + offset * 86_400_000));
const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
const xindaPolicy = `AZX-E2E-${suffix}-1`;
const otherPolicy = `AZX-E2E-${suffix}-2`;
const otherUscc = makeUscc("330702");

let browser: Browser;
const contexts: BrowserContext[] = [];
let policyPath = "";

async function pageFor(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, viewport ? { viewport } : {});
  contexts.push(context);
  const page = await context.newPage();
  await loginThroughForm(page, email, DEMO_PASSWORD);
  return page;
}

function csv(secondUscc: string): Buffer {
  const header =
    "保单号,统一社会信用代码,企业名称,行政区划代码,保费(元),事故预防费用比例,起保日期,终保日期,风险等级,个性化服务";
  const rows = [
    `${xindaPolicy},${xinda.uscc},${xinda.name},330702,12000,15%,${day(-10)},${day(354)},黄,一企一策`,
    `${otherPolicy},${secondUscc},金华市婺城区导入测试企业,330702,8000,12%,${day(-10)},${day(354)},蓝,`,
  ];
  return Buffer.from(`${header}\n${rows.join("\n")}\n`, "utf8");
}

async function preview(page: Page, body: Buffer) {
  await gotoHydrated(page, "/insurer/policies/import");
  await page.locator('input[name="file"]').setInputFiles({ name: "policies.csv", mimeType: "text/csv", buffer: body });
  await page.locator('main button[name="intent"]', { hasText: "预览检查" }).click();
  await page.locator('[data-testid="import-preview"]').waitFor();
}

/** The checklist of a visit or inspection: every item passes except gen-02, registered as a hazard. */
async function inspectWithOneHazard(page: Page) {
  const template = builtInTemplate("general_industry_trade")!;
  for (const item of templateItems(template)) {
    if (item.response.kind !== "pass_fail_na") continue;
    await page.locator(`input[name="a.${item.key}"][value="${item.key === "gen-02" ? "fail" : "pass"}"]`).check();
  }
  await page.locator("main button", { hasText: "保存草稿" }).click();
  await page.locator("details summary", { hasText: "特种作业人员" }).waitFor();
  await page.locator("details summary", { hasText: "特种作业人员" }).click();
  const candidate = page.locator("details[open] form");
  await candidate.locator('select[name="grade"]').selectOption("general");
  await candidate.locator('input[name="deadline"]').fill(day(30));
  await candidate.locator("button", { hasText: "登记隐患" }).click();
  await page.waitForURL(/#hazards$/);
  await page.locator('input[name="sure"]').first().check();
  await page.locator("main button", { hasText: "确认检查结果" }).click();
  await page.locator("text=检查方已确认，待企业签收").first().waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe("insurers' 6+3 services, end to end", () => {
  let insurer: Page;

  it("1. a file with a bad row is refused with its row number and reason; the fixed file imports both policies", async () => {
    insurer = await pageFor(antai.login.email);
    const badUscc = `${otherUscc.slice(0, 17)}${otherUscc[17] === "0" ? "1" : "0"}`;
    await preview(insurer, csv(badUscc));
    const errors = insurer.locator('[data-testid="import-errors"]');
    await expect(errors.textContent()).resolves.toMatch(/第 3 行.*统一社会信用代码/);
    await expect(insurer.locator("main button", { hasText: "确认导入" }).count()).resolves.toBe(0);
    await screenshot(insurer, "insurance-import-refused");

    await preview(insurer, csv(otherUscc));
    await expect(insurer.locator('[data-testid="import-errors"]').count()).resolves.toBe(0);
    await insurer.locator("main button", { hasText: "确认导入 2 张保单" }).click();
    await insurer.locator('[data-testid="import-result"]', { hasText: "已导入 2 张保单" }).waitFor({ timeout: 60_000 });
  }, 120_000);

  it("2. the imported policy of 鑫达 shows its derived plan", async () => {
    await gotoHydrated(insurer, `/insurer/policies?q=${xindaPolicy}`);
    await insurer.locator("main a", { hasText: xindaPolicy }).first().click();
    await insurer.waitForURL(/\/insurer\/policies\/[0-9a-f-]{36}$/);
    policyPath = new URL(insurer.url()).pathname;
    await waitForHydration(insurer);
    const plan = insurer.locator('[data-testid="plan-items"]');
    const text = (await plan.textContent()) ?? "";
    for (const service of ["风险评估", "重点排查", "起底式大检查", "全员培训", "一企一策"])
      expect(text).toContain(service);
    // A one-year yellow policy: 4 key inspections (quarterly baseline).
    await expect(plan.locator("tbody tr", { hasText: "重点排查" }).count()).resolves.toBe(4);
    await screenshot(insurer, "insurance-policy-plan");
  }, 60_000);

  it("3. the risk assessment is scheduled, visited with a hazard found, and confirmed by both sides", async () => {
    await gotoHydrated(insurer, policyPath);
    await insurer.locator('[data-testid="plan-items"] a', { hasText: "风险评估" }).first().click();
    await insurer.waitForURL(/\/insurer\/plan-items\/[0-9a-f-]{36}$/);
    const itemPath = new URL(insurer.url()).pathname;
    await waitForHydration(insurer);

    await insurer.locator('input[name="date"]').fill(day(0));
    await insurer.locator("main summary", { hasText: "保存并通知企业" }).click();
    await insurer.locator("main details[open] button", { hasText: "保存并通知企业" }).click();
    await insurer.locator('[data-testid="item-status"]', { hasText: "已约定" }).waitFor();

    await insurer.locator("main a", { hasText: "记录上门服务" }).click();
    await insurer.waitForURL(/\/visits\/new$/);
    await waitForHydration(insurer);
    await insurer.locator('input[name="place"]').fill("鑫达五金冲压车间");
    await insurer.locator('input[name="staffUserIds"]').first().check();
    await insurer.locator('textarea[name="summary"]').fill("起保后风险评估：查看冲压车间、仓库与配电室。");
    await insurer.locator('select[name="templateKey"]').selectOption("general_industry_trade");
    await insurer.locator("main button", { hasText: "保存服务记录" }).click();
    await insurer.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await inspectWithOneHazard(insurer);

    await gotoHydrated(insurer, itemPath);
    await insurer.locator("main a", { hasText: "查看" }).first().click();
    await insurer.waitForURL(/\/insurer\/visits\/[0-9a-f-]{36}$/);
    const visitId = new URL(insurer.url()).pathname.split("/").pop()!;
    await waitForHydration(insurer);
    await insurer.locator("main summary", { hasText: "确认服务记录" }).click();
    await insurer.locator("main form button", { hasText: "确认服务记录" }).click();
    await insurer.locator('[data-testid="service-confirmation"]', { hasText: "确认" }).waitFor();

    const owner = await pageFor(xinda.login.email, { width: 390, height: 844 });
    await gotoHydrated(owner, `/insured/visits/${visitId}`);
    await expect(owner.locator("main").textContent()).resolves.toContain("特种作业人员");
    await owner.locator("main summary", { hasText: "确认服务记录" }).click();
    await owner.locator("main form button", { hasText: "确认服务记录" }).click();
    await owner.locator('[data-testid="enterprise-confirmation"]', { hasText: xinda.login.name }).waitFor();
    await screenshot(owner, "insurance-visit-confirmed-by-enterprise-390");

    await gotoHydrated(insurer, itemPath);
    await expect(insurer.locator('[data-testid="item-status"]').textContent()).resolves.toBe("已完成");
    // Its inspection found a hazard: a return visit (回访) is now due on the item.
    await expect(insurer.locator("main").textContent()).resolves.toContain("待回访");
  }, 180_000);

  it("4. a government inspection's hazard at 鑫达 adds a rectification-assistance item to the policy", async () => {
    const official = await pageFor(bureau.login.email);
    await gotoHydrated(official, "/inspections/new?q=鑫达");
    await official.locator("main a", { hasText: "检查该企业" }).first().click();
    await official.waitForURL(/enterprise=/);
    await official.locator("#template").selectOption("general_industry_trade");
    await official.locator("main button", { hasText: "使用该检查表" }).click();
    await official.waitForURL(/template=general_industry_trade/);
    const source = official.locator('select[name="source"]');
    if ((await source.count()) > 0) await source.selectOption("government");
    await official.locator('textarea[name="inspectorNames"]').fill("执法人员 周明");
    await inspectWithOneHazard(official);

    await gotoHydrated(insurer, policyPath);
    const row = insurer.locator('[data-testid="plan-items"] tbody tr', { hasText: "协助整改" });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain(day(30));
  }, 120_000);

  it("5. the bureau sees 安泰's completion in its region", async () => {
    const official = await pageFor(bureau.login.email, { width: 390, height: 844 });
    await gotoHydrated(official, "/bureau/insurance");
    const row = official.locator("main tr", { hasText: antai.name });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toMatch(/\d+(\.\d+)?\s*%/);
    await screenshot(official, "bureau-insurance-390");
  }, 60_000);
});
