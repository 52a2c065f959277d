import { deflateSync, crc32 } from "node:zlib";
import type { Browser, Page } from "playwright-core";
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
 * Issue 8, "Done means" (hazards part), on the demo seed (app/seed/hazards-demo-data.ts): the
 * major hazard 安正 found at 鑫达 and reported to 金华市应急管理局 three hours ago is red on the
 * bureau's dashboard and in its region view; the bureau acknowledges it; the enterprise starts
 * and submits the rectification with a photo; the finder verifies; the bureau closes it (销号).
 * A self-check hazard rectified on the spot before its deadline shows 自查自改自报.
 */
const MAJOR = "粉尘除尘系统未设置锁气卸灰装置";
const SELF_CHECK = "消防通道堆放纸箱";

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

async function as(browser: Browser, key: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await loginThroughForm(page, demoOrg(key).login.email, DEMO_PASSWORD);
  return page;
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

describe("a major hazard from report to 销号, and a self-reported one", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the bureau sees the escalated report and acknowledges it; the loop closes with evidence and verification", async () => {
    const bureau = await as(browser, "bureau-jinhua");
    await gotoHydrated(bureau, "/dashboard");
    // The panel is the section headed 重大隐患报告 (the dashboard's feature list names the reports too).
    const panel = bureau.locator("section", {
      has: bureau.getByRole("heading", { name: "重大隐患报告", exact: true }),
    });
    expect(await panel.textContent()).toContain(MAJOR);
    expect(await panel.getAttribute("class")).toContain("border-red-500");
    await gotoHydrated(bureau, "/bureau/hazards");
    expect(await bureau.locator("h1").textContent()).toBe("隐患监管");
    expect(await bureau.locator("main").textContent()).toContain(MAJOR);
    await expectAccessible(bureau);
    await screenshot(bureau, "bureau-hazards");
    await bureau.getByRole("link", { name: MAJOR }).first().click();
    await bureau.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    const hazardUrl = bureau.url();
    await bureau.locator("summary", { hasText: "签收报告" }).click();
    await bureau.locator('form:has(input[value="acknowledge"]) button[type="submit"]').click();
    await bureau.getByText("超时后签收").waitFor();

    const enterprise = await as(browser, "ent-xinda");
    await openHazard(enterprise, MAJOR);
    await takeStep(enterprise, "开始整改");
    expect(await enterprise.locator("h1").textContent()).toContain("整改中");
    await takeStep(enterprise, "提交整改", { photo: true });
    expect(await enterprise.locator("h1").textContent()).toContain("已整改待复查");
    expect(await enterprise.locator("main").textContent()).toContain("整改后.png");

    const finder = await as(browser, "prov-anzheng");
    await gotoHydrated(finder, new URL(hazardUrl).pathname);
    await takeStep(finder, "复查通过", { note: "现场复查：已加装锁气卸灰装置" });
    expect(await finder.locator("h1").textContent()).toContain("已复查待销号");
    // A major hazard is closed by the bureau only: the finder is offered nothing more.
    expect(await finder.locator("main").textContent()).toContain("贵机构现在没有可执行的操作");

    await gotoHydrated(bureau, new URL(hazardUrl).pathname);
    await takeStep(bureau, "销号");
    expect(await bureau.locator("h1").textContent()).toContain("已销号");
    const history = (await bureau.locator("main").textContent()) ?? "";
    for (const step of ["发现隐患", "应急管理部门签收报告", "开始整改", "提交整改", "复查通过", "销号"]) {
      expect(history).toContain(step);
    }
  });

  it("a self-check hazard rectified on the spot before its deadline is marked 自查自改自报", async () => {
    const enterprise = await as(browser, "ent-xinda");
    await openHazard(enterprise, SELF_CHECK);
    await takeStep(enterprise, "立查立改", { photo: true });
    await gotoHydrated(enterprise, `/hazards?q=${encodeURIComponent(SELF_CHECK)}`);
    const row = enterprise.locator("tr", { hasText: SELF_CHECK });
    expect(await row.textContent()).toContain("自查自改自报");
    await expectAccessible(enterprise);
  });
});
