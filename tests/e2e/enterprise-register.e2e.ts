import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../app/domain/uscc";
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
 * Issue 8, "Done means": a bureau imports 20 enterprises (one bad row refused with its row
 * number, then fixed), records a risk grade, and a person who registers with one of the
 * imported USCCs claims that enterprise and sees its history.
 */
const stamp = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOZSV]/g, "1")
  .slice(-7)
  .padStart(7, "0");
const usccOf = (i: number) => {
  const first17 = `91330702${stamp}${String(i).padStart(2, "0")}`;
  return first17 + usccCheckCharacter(first17);
};
const nameOf = (i: number) => `端到端台账${stamp}企业${i}号`;

async function workbook(badRow: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("台账");
  sheet.addRow(["统一社会信用代码", "企业名称", "行政区划代码", "行业代码", "从业人数", "是否高危", "重点对象原因"]);
  for (let i = 1; i <= 20; i += 1) {
    // Spreadsheet row i + 1; the bad one (row 7) is a 青岛 county, outside 金华.
    const region = badRow && i === 6 ? "370202" : "330702";
    sheet.addRow([
      usccOf(i),
      nameOf(i),
      region,
      "C33",
      String(20 + i),
      i === 1 ? "是" : "否",
      i === 1 ? "重大危险源" : "",
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, bytes: Buffer) {
  await page.getByLabel("台账文件").setInputFiles({
    name: "台账.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await page.getByTestId("import-preview").waitFor();
}

describe("the enterprise register: import, grade, claim", () => {
  let browser: Browser;
  let enterpriseId = "";
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a bureau's file with a bad row is refused with its row number; the fixed file writes 20", async () => {
    const page = await (await newContext(browser)).newPage();
    await loginThroughForm(page, demoOrg("bureau-jinhua").login.email, DEMO_PASSWORD);
    await gotoHydrated(page, "/bureau/enterprises/import");
    await expectAccessible(page);

    await upload(page, await workbook(true));
    const errors = page.getByTestId("import-errors");
    await expect.poll(() => errors.textContent()).toContain("第 7 行");
    expect(await errors.textContent()).toContain("不在本局辖区内");
    expect(await page.getByRole("button", { name: /确认写入/ }).count()).toBe(0);
    await screenshot(page, "register-import-refused");

    await upload(page, await workbook(false));
    await expect.poll(() => page.getByTestId("import-preview").textContent()).toContain("新增 20 家");
    await page.getByRole("button", { name: "确认写入 20 家企业" }).click();
    await expect
      .poll(() => page.getByTestId("import-result").textContent(), { timeout: 30_000 })
      .toContain("已写入 20 家");
    await screenshot(page, "register-import-written");

    await gotoHydrated(page, `/bureau/enterprises?q=${encodeURIComponent(`端到端台账${stamp}`)}`);
    await expect.poll(() => page.locator("main table tbody tr").count()).toBe(20);
    expect(await page.locator("main").textContent()).toContain("未认领");
    await expectAccessible(page);

    // The bureau grades the first one on its page.
    await page.getByRole("link", { name: nameOf(1), exact: true }).click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    enterpriseId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByText("录入风险等级").click();
    await page.getByLabel("风险等级").selectOption("orange");
    await page.getByLabel("评定人姓名").fill("王科长");
    await page.getByLabel("评定理由").fill("涉爆粉尘，端到端评定");
    await page.getByRole("button", { name: "保存评定" }).click();
    await page.waitForURL((url) => url.searchParams.get("graded") === "1");
    await expect.poll(() => page.getByTestId("current-grade").textContent()).toContain("较大风险（橙）");
    await expectAccessible(page);
    await screenshot(page, "register-enterprise-graded");
  });

  it("a person registering with an imported USCC claims that enterprise and sees its history", async () => {
    expect(enterpriseId).not.toBe("");
    const page = await (await newContext(browser)).newPage();
    await gotoHydrated(page, "/register");
    await page.getByLabel("单位名称").fill(`${nameOf(1)}（认领）`);
    await page.getByLabel("统一社会信用代码").fill(usccOf(1));
    await page.getByLabel("省份").selectOption({ label: "浙江省" });
    await page.getByLabel("城市").selectOption({ label: "金华市" });
    await page.getByLabel("区县").selectOption({ label: "婺城区" });
    await page.getByLabel("门类").selectOption("C");
    await page.getByLabel("大类").selectOption("33");
    await page.getByLabel("您的姓名").fill("认领人");
    await page.getByLabel("电子邮箱").fill(`claim.${stamp.toLowerCase()}@e2e.anfu.test`);
    await page.locator("#field-password").fill("一二三四五六七八 safe passphrase");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");

    await gotoHydrated(page, "/enterprises/mine");
    expect(new URL(page.url()).pathname).toBe(`/enterprises/${enterpriseId}`);
    await expect.poll(() => page.locator("h1").textContent()).toContain("（认领）");
    await expect.poll(() => page.getByTestId("current-grade").textContent()).toContain("较大风险（橙）");
    expect(await page.locator("main").textContent()).toContain("涉爆粉尘，端到端评定");
    expect(await page.locator("main").textContent()).toContain("已注册");
    await expectAccessible(page);
    await screenshot(page, "register-claimed");
  });
});
