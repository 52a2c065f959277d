import { and, asc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { insurancePlanItems, organisations, users } from "../../db/schema";
import { builtInTemplate, templateItems } from "../../app/domain/checklist-templates";
import type { IsoDate } from "../../app/domain/calendar-date";
import { shanghaiDateString } from "../../app/domain/format";
import { writePolicy } from "../../app/services/policies.server";
import { fillDemo } from "./setup/fixtures";
import { ownServer } from "./support/own-server";
import { DEMO_PASSWORD, demoOrg } from "./support/constants";
import { gotoHydrated, launchBrowser, loginThroughForm, newContext, screenshot } from "./support/browser";

/**
 * Doing the visits (issue 9, AQ 9010): 安泰 records a risk-assessment visit at 鑫达 with the
 * general checklist, registers a hazard on its inspection and confirms both; 鑫达 confirms the
 * visit (acknowledging the inspection with it); the plan item then shows 已完成. The demo data
 * may or may not hold antai's policies yet: the server's database gets a policy of 鑫达 through
 * writePolicy when it has no open risk-assessment item.
 */
const antai = demoOrg("insurer-jinhua");
const xinda = demoOrg("ent-xinda");

let browser: Browser;
let running: Awaited<ReturnType<typeof ownServer>>;
let itemId = "";
const contexts: BrowserContext[] = [];

async function openItemOfXinda(db: Db): Promise<string | null> {
  const [insurer] = await db.select().from(organisations).where(eq(organisations.name, antai.name));
  const [enterprise] = await db.select().from(organisations).where(eq(organisations.name, xinda.name));
  const [item] = await db
    .select({ id: insurancePlanItems.id })
    .from(insurancePlanItems)
    .where(
      and(
        eq(insurancePlanItems.insurerId, insurer!.id),
        eq(insurancePlanItems.enterpriseId, enterprise!.id),
        eq(insurancePlanItems.service, "risk_assessment"),
        eq(insurancePlanItems.state, "open"),
      ),
    )
    .orderBy(asc(insurancePlanItems.dueDate))
    .limit(1);
  return item?.id ?? null;
}

async function fill(db: Db) {
  await fillDemo(db);
  if (!(await openItemOfXinda(db))) {
    const now = new Date();
    const today = shanghaiDateString(now) as IsoDate;
    const start = shanghaiDateString(new Date(now.getTime() - 20 * 86_400_000)) as IsoDate;
    const end = shanghaiDateString(new Date(now.getTime() + 340 * 86_400_000)) as IsoDate;
    const [insurer] = await db.select().from(organisations).where(eq(organisations.name, antai.name));
    const [enterprise] = await db.select().from(organisations).where(eq(organisations.name, xinda.name));
    const [actor] = await db.select().from(users).where(eq(users.email, antai.login.email));
    await db.transaction((tx) =>
      writePolicy(tx, {
        insurerId: insurer!.id,
        actorUserId: actor!.id,
        policy: {
          policyNumber: "AZX-E2E-VISITS-0001",
          enterprise: { uscc: enterprise!.uscc!, name: enterprise!.name, regionCode: enterprise!.regionCode },
          premiumFen: 1_200_000,
          preventionFeeBps: 1500,
          startDate: start,
          endDate: end,
          riskGrade: "yellow",
          optionalServices: [],
        },
        today,
        now,
      }),
    );
  }
  itemId = (await openItemOfXinda(db))!;
}

async function pageFor(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, { baseURL: running.server.url, ...(viewport ? { viewport } : {}) });
  contexts.push(context);
  const page = await context.newPage();
  await loginThroughForm(page, email, DEMO_PASSWORD);
  return page;
}

beforeAll(async () => {
  running = await ownServer("insurance-visits", { NODE_ENV: "development" }, fill);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await running?.close();
});

describe("insurance visits", () => {
  it("antai records a risk assessment with a hazard and confirms; xinda confirms; the item is done", async () => {
    expect(itemId).toMatch(/^[0-9a-f-]{36}$/);
    const insurer = await pageFor(antai.login.email);
    await gotoHydrated(insurer, `/insurer/plan-items/${itemId}`);
    await insurer.locator("main a", { hasText: "记录上门服务" }).click();
    await insurer.waitForURL(/\/visits\/new$/);
    await insurer.locator('input[name="place"]').fill("鑫达五金冲压车间");
    await insurer.locator('input[name="staffUserIds"]').first().check();
    await insurer.locator('textarea[name="staffNames"]').fill("外聘 王工");
    await insurer.locator('textarea[name="summary"]').fill("开展风险评估，查看冲压车间与仓库。");
    await insurer.locator('select[name="templateKey"]').selectOption("general_industry_trade");
    await screenshot(insurer, "insurance-visit-new");
    await insurer.locator("main button", { hasText: "保存服务记录" }).click();
    await insurer.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);

    // The visit's inspection: answer the checklist, register the failed item as a hazard, confirm.
    const template = builtInTemplate("general_industry_trade")!;
    for (const item of templateItems(template)) {
      if (item.response.kind !== "pass_fail_na") continue;
      await insurer.locator(`input[name="a.${item.key}"][value="${item.key === "gen-02" ? "fail" : "pass"}"]`).check();
    }
    await insurer.locator("main button", { hasText: "保存草稿" }).click();
    await insurer.locator("details summary", { hasText: "特种作业人员" }).waitFor();
    await insurer.locator("details summary", { hasText: "特种作业人员" }).click();
    const candidate = insurer.locator("details[open] form");
    await candidate.locator('input[name="deadline"]').fill("2099-12-31");
    await candidate.locator("button", { hasText: "登记隐患" }).click();
    await insurer.waitForURL(/#hazards$/);
    await insurer.locator('input[name="sure"]').first().check();
    await insurer.locator("main button", { hasText: "确认检查结果" }).click();
    await insurer.locator("text=检查方已确认，待企业签收").first().waitFor();

    // Back to the item: the visit record, confirmed by the serving side.
    await gotoHydrated(insurer, `/insurer/plan-items/${itemId}`);
    await insurer.locator("main a", { hasText: "查看" }).first().click();
    await insurer.waitForURL(/\/insurer\/visits\/[0-9a-f-]{36}$/);
    await waitHydrated(insurer);
    await insurer.locator("main summary", { hasText: "确认服务记录" }).click();
    await insurer.locator("main form button", { hasText: "确认服务记录" }).click();
    await insurer.locator('[data-testid="service-confirmation"]', { hasText: "确认" }).waitFor();
    await expect(insurer.locator('[data-testid="enterprise-confirmation"]').textContent()).resolves.toContain("待确认");

    const owner = await pageFor(xinda.login.email, { width: 390, height: 844 });
    await gotoHydrated(owner, "/insured");
    await screenshot(owner, "insured-390");
    await owner.locator("main a", { hasText: "查看" }).first().click();
    await owner.waitForURL(/\/insured\/visits\/[0-9a-f-]{36}$/);
    await waitHydrated(owner);
    await expect(owner.locator("main").textContent()).resolves.toContain("特种作业人员");
    await owner.locator("main summary", { hasText: "确认服务记录" }).click();
    await owner.locator("main form button", { hasText: "确认服务记录" }).click();
    await owner.locator('[data-testid="enterprise-confirmation"]', { hasText: xinda.login.name }).waitFor();
    await screenshot(owner, "insurance-visit-confirmed-390");

    await gotoHydrated(insurer, `/insurer/plan-items/${itemId}`);
    await expect(insurer.locator('[data-testid="item-status"]').textContent()).resolves.toBe("已完成");
    await expect(insurer.locator("main").textContent()).resolves.toContain("待回访");
    await screenshot(insurer, "insurance-plan-item-done");
  }, 240_000);
});

async function waitHydrated(page: Page) {
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.waitForLoadState("networkidle");
}
