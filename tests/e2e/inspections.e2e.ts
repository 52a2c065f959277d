import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInTemplate, templateItems } from "../../app/domain/checklist-templates";
import { DEMO_PASSWORD, demoOrg } from "./support/constants";
import {
  expectAccessible,
  gotoHydrated,
  launchBrowser,
  loginThroughForm,
  newContext,
  screenshot,
} from "./support/browser";

/**
 * An inspection from end to end (issue 8): 安正, serving 鑫达 under an engagement in service
 * (app/seed/inspections-demo-data.ts), inspects it with the general checklist, records the
 * failed "special-operation workers certified" item as a major hazard and confirms; 鑫达
 * acknowledges; the printable report shows both confirmations.
 */
const enterprise = demoOrg("ent-xinda");
const anzheng = demoOrg("prov-anzheng");

let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, viewport ? { viewport } : {});
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

describe("inspections", () => {
  it("a provider inspects, records a major hazard and confirms; the enterprise acknowledges; the report prints", async () => {
    const provider = await pageFor(anzheng.login.email);
    await gotoHydrated(provider, "/inspections/new?q=鑫达");
    await provider.locator("main a", { hasText: "检查该企业" }).first().click();
    await provider.waitForURL(/enterprise=/);
    await provider.locator("#template").selectOption("general_industry_trade");
    await provider.locator("main button", { hasText: "使用该检查表" }).click();
    await provider.waitForURL(/template=general_industry_trade/);
    const template = builtInTemplate("general_industry_trade")!;
    for (const item of templateItems(template)) {
      if (item.response.kind !== "pass_fail_na") continue;
      await provider.locator(`input[name="a.${item.key}"][value="${item.key === "gen-02" ? "fail" : "pass"}"]`).check();
    }
    await provider.locator('textarea[name="inspectorNames"]').fill("张明\n李工");
    await provider.locator('textarea[name="findings"]').fill("冲压车间一名电焊工未持证上岗。");
    await provider.locator("main button", { hasText: "保存草稿" }).click();
    await provider.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const inspectionUrl = new URL(provider.url()).pathname;

    // The failed item is offered as a candidate hazard, pre-filled with its suggested grade.
    await provider.locator("details summary", { hasText: "特种作业人员" }).click();
    const candidate = provider.locator("details[open] form");
    await expect(candidate.locator('select[name="grade"]').inputValue()).resolves.toBe("major");
    await candidate.locator('input[name="deadline"]').fill("2099-12-31");
    await candidate.locator('input[name="location"]').fill("冲压车间");
    await candidate.locator("button", { hasText: "登记隐患" }).click();
    await provider.waitForURL(/#hazards$/);
    await provider.locator('input[name="sure"]').first().check();
    await provider.locator("main button", { hasText: "确认检查结果" }).click();
    await provider.locator("text=检查方已确认，待企业签收").first().waitFor();
    await expect(provider.locator("main").textContent()).resolves.toContain("已于");
    await expectAccessible(provider);

    const owner = await pageFor(enterprise.login.email, { width: 390, height: 844 });
    await gotoHydrated(owner, inspectionUrl);
    await owner.locator('textarea[name="note"]').fill("已收到，立即安排整改。");
    await owner.locator('input[name="sure"]').check();
    await owner.locator("main button", { hasText: "签收" }).last().click();
    await owner.locator("text=双方已确认").first().waitFor();
    await screenshot(owner, "inspection-acknowledged-390");

    await gotoHydrated(provider, `${inspectionUrl}/print`);
    const inspectorSide = await provider.locator('[data-testid="inspector-signature"]').textContent();
    const enterpriseSide = await provider.locator('[data-testid="enterprise-signature"]').textContent();
    expect(inspectorSide).toContain("确认");
    expect(inspectorSide).not.toContain("签字");
    expect(enterpriseSide).toContain("签收");
    expect(enterpriseSide).toContain("立即安排整改");
    await expect(provider.locator("main").textContent()).resolves.toContain("重大隐患");
    await screenshot(provider, "inspection-report");
  }, 120_000);
});
