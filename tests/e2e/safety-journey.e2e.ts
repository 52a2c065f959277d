// Issue 8 "Done means", chained in Chromium through the real pages only: a provider inspects 鑫达
// with a built-in template and records a major hazard; the bureau sees the report at once (region
// view, dashboard, notifications) and acknowledges it; the enterprise rectifies with a photo, the
// provider verifies, the bureau closes it (major → bureau only) and the hazard page shows the
// timeline; 鑫达's own self-check hazard, rectified before its deadline, is 自查自改自报 on the
// register; the 五金 group coordinator plans a cycle and a member's staff complete an assigned
// mutual-aid inspection, which the group dashboard then shows done.
//
// The e2e files share one server and one demo database in an order Vitest chooses, so every
// record of this journey is found by a description unique to this run, and the group step copes
// with a cycle that another file (mutual-aid.e2e.ts) may already have planned over the same days.
import { crc32, deflateSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/calendar-date";
import { builtInTemplate, templateItems } from "../../app/domain/checklist-templates";
import { shanghaiDateString } from "../../app/domain/format";
import {
  expectAccessible,
  gotoHydrated,
  launchBrowser,
  loginThroughForm,
  newContext,
  screenshot,
} from "./support/browser";
import { DEMO_PASSWORD, demoOrg } from "./support/constants";

const RUN = Date.now().toString(36);
const MAJOR = `旅程-${RUN} 冲压车间电焊工未持证上岗`;
const SELF_CHECK = `旅程-${RUN} 配电箱前堆放杂物`;
const TEMPLATE = "general_industry_trade";

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A real 1×1 PNG: the upload rules check the type by content. */
function photo(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.from([0, 0x20, 0x80, 0x20]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

let browser: Browser;
const contexts: BrowserContext[] = [];
const pages = new Map<string, Page>();

/** One logged-in page per demo organisation, kept for the whole journey. */
async function as(key: string, viewport?: { width: number; height: number }): Promise<Page> {
  const known = pages.get(key);
  if (known) return known;
  const context = await newContext(browser, viewport ? { viewport } : {});
  contexts.push(context);
  const page = await context.newPage();
  await loginThroughForm(page, demoOrg(key).login.email, DEMO_PASSWORD);
  pages.set(key, page);
  return page;
}

/**
 * Fills the built-in template on the new-inspection form (every pass/fail item passes except
 * `failKey`), saves the draft and returns the inspection's path.
 */
async function fillAndSaveDraft(page: Page, failKey: string, findings: string): Promise<string> {
  await page.locator("#template").selectOption(TEMPLATE);
  await page.locator("main button", { hasText: "使用该检查表" }).click();
  await page.waitForURL(new RegExp(`template=${TEMPLATE}`));
  await page.locator(`input[name="a.${failKey}"]`).first().waitFor();
  for (const item of templateItems(builtInTemplate(TEMPLATE)!)) {
    if (item.response.kind !== "pass_fail_na") continue;
    await page.locator(`input[name="a.${item.key}"][value="${item.key === failKey ? "fail" : "pass"}"]`).check();
  }
  await page.locator('textarea[name="inspectorNames"]').fill("张明");
  await page.locator('textarea[name="findings"]').fill(findings);
  await page.locator("main button", { hasText: "保存草稿" }).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  await page.locator("h1").waitFor();
  return new URL(page.url()).pathname;
}

/** Turns the failed item's candidate into a draft hazard with this description and grade. */
async function recordCandidate(
  page: Page,
  itemKey: string,
  hazard: { description: string; grade: "major" | "general"; deadline: string },
): Promise<void> {
  const candidate = page.locator("details", { has: page.locator(`input[name="itemKey"][value="${itemKey}"]`) });
  await candidate.locator("summary").click();
  const form = candidate.locator("form");
  await form.locator('textarea[name="description"]').fill(hazard.description);
  await form.locator('select[name="grade"]').selectOption(hazard.grade);
  await form.locator('input[name="deadline"]').fill(hazard.deadline);
  await form.locator('input[name="location"]').fill("冲压车间");
  await form.locator("button", { hasText: "登记隐患" }).click();
  await page.locator("main li", { hasText: hazard.description }).waitFor();
}

/** Ticks the confirmation of the inspecting side and confirms; the hazards are born here. */
async function confirmInspection(page: Page): Promise<void> {
  const section = page.locator("section[aria-labelledby=confirm-title]");
  await section.locator('input[name="sure"]').check();
  await section.locator("button", { hasText: "确认检查结果" }).click();
  await section.waitFor({ state: "detached" });
}

/** Opens the hazard from the register by its description. */
async function openHazard(page: Page, description: string): Promise<void> {
  await gotoHydrated(page, `/hazards?q=${encodeURIComponent(description)}`);
  await page.getByRole("link", { name: description }).first().click();
  await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
  await page.locator("h1").waitFor();
}

/** Opens the step's confirmation panel, fills what it needs and confirms. */
async function takeStep(page: Page, label: string, fill?: { note?: string; photo?: boolean }): Promise<void> {
  const panel = page.locator("details", { has: page.locator("summary", { hasText: label }) });
  await panel.locator("summary").click();
  if (fill?.photo) {
    await panel
      .locator('input[type="file"]')
      .setInputFiles({ name: "整改后.png", mimeType: "image/png", buffer: photo() });
  }
  if (fill?.note) await panel.locator("textarea").fill(fill.note);
  const version = await panel.locator('input[name="version"]').getAttribute("value");
  await panel.locator('button[type="submit"]').click();
  // Done when the page shows the hazard's next version (or no step is left to take).
  await page.waitForFunction((v) => {
    const input = document.querySelector('input[name="version"]');
    return !input || input.getAttribute("value") !== v;
  }, version);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe("issue 8 journey", () => {
  const today = shanghaiDateString(new Date());
  let hazardPath = "";

  it("1. 安正 inspects 鑫达 with a built-in template, records a major hazard and confirms", async () => {
    const provider = await as("prov-anzheng");
    await gotoHydrated(provider, "/inspections/new?q=鑫达");
    await provider.locator("main a", { hasText: "检查该企业" }).first().click();
    await provider.waitForURL(/enterprise=/);
    await provider.locator("#template").waitFor();
    await fillAndSaveDraft(provider, "gen-02", `旅程-${RUN}：冲压车间一名电焊工未持证上岗。`);
    await recordCandidate(provider, "gen-02", { description: MAJOR, grade: "major", deadline: addDays(today, 30) });
    await confirmInspection(provider);
    await provider.locator("text=检查方已确认，待企业签收").first().waitFor();
    expect(await provider.locator("main").textContent()).toContain(MAJOR);
  });

  it("2. the bureau sees the report at once (region view, dashboard, notifications) and acknowledges it", async () => {
    const bureau = await as("bureau-jinhua");
    await gotoHydrated(bureau, "/bureau/hazards");
    const reports = bureau.locator("section[aria-labelledby=reports-title]");
    expect(await reports.textContent()).toContain(MAJOR);
    expect(await reports.locator("tr", { hasText: MAJOR }).textContent()).toContain("待签收");

    await gotoHydrated(bureau, "/dashboard");
    expect(
      await bureau
        .locator("section", { has: bureau.getByRole("heading", { name: "重大隐患报告", exact: true }) })
        .textContent(),
    ).toContain(MAJOR);

    await gotoHydrated(bureau, "/notifications");
    expect(await bureau.locator("main").textContent()).toContain(MAJOR);

    await gotoHydrated(bureau, "/bureau/hazards");
    await bureau.locator("section[aria-labelledby=reports-title]").getByRole("link", { name: MAJOR }).click();
    await bureau.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    hazardPath = new URL(bureau.url()).pathname;
    await bureau.locator("summary", { hasText: "签收报告" }).click();
    await bureau.locator('form:has(input[value="acknowledge"]) button[type="submit"]').click();
    // The report's state badge turns 已签收 (the panel's own wording also says 签收时间).
    await bureau.getByText("已签收", { exact: true }).waitFor();
    expect(await bureau.locator("main").textContent()).not.toContain("待签收");
    await screenshot(bureau, "journey-bureau-acknowledged");
  });

  it("3. 鑫达 rectifies with a photo, 安正 verifies, the bureau closes it; the page shows the timeline", async () => {
    expect(hazardPath).toMatch(/^\/hazards\/[0-9a-f-]{36}$/);
    // 鑫达 works from a phone (390 px) for the rest of the journey.
    const enterprise = await as("ent-xinda", { width: 390, height: 844 });
    await openHazard(enterprise, MAJOR);
    expect(new URL(enterprise.url()).pathname).toBe(hazardPath);
    await takeStep(enterprise, "开始整改");
    expect(await enterprise.locator("h1").textContent()).toContain("整改中");
    await takeStep(enterprise, "提交整改", { photo: true, note: "已安排持证电焊工上岗，无证人员调离。" });
    expect(await enterprise.locator("h1").textContent()).toContain("已整改待复查");
    expect(await enterprise.locator("main").textContent()).toContain("整改后.png");
    await expectAccessible(enterprise);
    await screenshot(enterprise, "journey-rectified-390");

    const provider = await as("prov-anzheng");
    await gotoHydrated(provider, hazardPath);
    await takeStep(provider, "复查通过", { note: "现场复查：作业人员均已持证。" });
    expect(await provider.locator("h1").textContent()).toContain("已复查待销号");
    expect(await provider.locator("main").textContent()).toContain("贵机构现在没有可执行的操作");

    const bureau = await as("bureau-jinhua");
    await gotoHydrated(bureau, hazardPath);
    await takeStep(bureau, "销号");
    expect(await bureau.locator("h1").textContent()).toContain("已销号");
    const history = (await bureau.locator("main").textContent()) ?? "";
    for (const step of ["发现隐患", "应急管理部门签收报告", "开始整改", "提交整改", "复查通过", "销号"]) {
      expect(history).toContain(step);
    }
    await expectAccessible(bureau);
    await screenshot(bureau, "journey-hazard-closed");
  });

  it("4. 鑫达's self-check hazard, rectified before its deadline, is 自查自改自报 on the register", async () => {
    const enterprise = await as("ent-xinda");
    await gotoHydrated(enterprise, "/inspections/new?q=鑫达");
    await enterprise.locator("main a", { hasText: "检查该企业" }).first().click();
    await enterprise.waitForURL(/enterprise=/);
    await enterprise.locator("#template").waitFor();
    const failKey = templateItems(builtInTemplate(TEMPLATE)!).find(
      (item) => item.response.kind === "pass_fail_na" && item.key !== "gen-02",
    )!.key;
    await fillAndSaveDraft(enterprise, failKey, `旅程-${RUN}：月度自查。`);
    expect(await enterprise.locator("main").textContent()).toContain("企业自查");
    await recordCandidate(enterprise, failKey, {
      description: SELF_CHECK,
      grade: "general",
      deadline: addDays(today, 7),
    });
    await confirmInspection(enterprise);

    await openHazard(enterprise, SELF_CHECK);
    await takeStep(enterprise, "开始整改");
    await takeStep(enterprise, "提交整改", { photo: true, note: "杂物已清走。" });
    expect(await enterprise.locator("h1").textContent()).toContain("已整改待复查");

    await gotoHydrated(enterprise, `/hazards?q=${encodeURIComponent(SELF_CHECK)}`);
    const row = enterprise.locator("tr", { hasText: SELF_CHECK });
    expect(await row.textContent()).toContain("自查自改自报");
    await screenshot(enterprise, "journey-self-reported");
  });

  it("5. the coordinator plans a cycle; a member's staff complete an assigned mutual inspection; the dashboard shows it done", async () => {
    const coordinator = await as("group-hardware");
    await gotoHydrated(coordinator, "/group/cycles/new");
    await coordinator.locator("#field-label").fill(`旅程互查 ${RUN}`);
    await coordinator.locator("#field-startsOn").fill(today);
    await coordinator.locator("#field-endsOn").fill(addDays(today, 30));
    await coordinator.getByRole("button", { name: "预览分配方案" }).click();
    const preview = coordinator.locator("section[aria-labelledby=plan-preview]");
    await preview.waitFor();
    expect(await preview.locator("tbody tr").count()).toBeGreaterThanOrEqual(5);
    await preview.getByRole("button", { name: "确认并保存" }).click();
    // Saved, or refused because mutual-aid.e2e.ts planned over today already: then that cycle
    // is the current one and serves the same purpose.
    const overlap = coordinator.getByText("时间重叠");
    await Promise.race([
      coordinator.waitForURL((url) => /^\/group\/cycles\/[0-9a-f-]{36}$/.test(url.pathname)),
      overlap.waitFor(),
    ]);

    await gotoHydrated(coordinator, "/group");
    const current = coordinator.locator("section", { has: coordinator.locator("h2", { hasText: "当前轮次" }) });
    const rows = current.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(5);

    // The member: 佳美 when it inspects somebody still open (so 鑫达's own assignment stays for
    // mutual-aid.e2e.ts), else 鑫达.
    let member: Page | null = null;
    let memberKey = "";
    for (const key of ["ent-jiamei", "ent-xinda"]) {
      const page = await as(key);
      await gotoHydrated(page, "/mutual-aid");
      const open = page
        .locator("section[aria-labelledby=my-assignments] tbody tr")
        .filter({ has: page.getByRole("link", { name: "开始检查" }) });
      if ((await open.count()) > 0) {
        member = page;
        memberKey = key;
        break;
      }
    }
    expect(member, "佳美 or 鑫达 has an open mutual-aid assignment").not.toBeNull();
    const row = member!
      .locator("section[aria-labelledby=my-assignments] tbody tr")
      .filter({ has: member!.getByRole("link", { name: "开始检查" }) })
      .first();
    const inspectedName = (await row.locator("td").first().textContent())!.trim();
    const start = row.getByRole("link", { name: "开始检查" });
    await start.click();
    await member!.waitForURL(/source=mutual_aid/);
    await member!.locator("#template").waitFor();
    const path = await fillAndSaveDraft(member!, "gen-02", `旅程-${RUN}：互助检查，特种作业人员持证情况待复核。`);
    expect(await member!.locator("main").textContent()).toContain("互助检查");
    await confirmInspection(member!);
    await member!.locator("text=检查方已确认，待企业签收").first().waitFor();
    expect(path).toMatch(/^\/inspections\//);

    await gotoHydrated(coordinator, "/group");
    const memberName = demoOrg(memberKey).name;
    const done = current
      .locator("tbody tr")
      .filter({ has: coordinator.locator("td:nth-child(1)", { hasText: memberName }) })
      .filter({ has: coordinator.locator("td:nth-child(2)", { hasText: inspectedName }) });
    expect(await done.textContent()).toContain("已完成");
    expect(await current.locator('[role="progressbar"]').getAttribute("aria-valuenow")).not.toBe("0");
    await expectAccessible(coordinator);
    await screenshot(coordinator, "journey-group-done");
  });
});
