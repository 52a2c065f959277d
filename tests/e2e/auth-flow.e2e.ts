import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../app/domain/uscc";
import {
  expectAccessible,
  gotoHydrated,
  launchBrowser,
  loginThroughForm,
  newContext,
  screenshot,
  waitForHydration,
} from "./support/browser";

/** One visitor's whole first visit, step by step in one browser context. */
describe("an enterprise registers, logs out and in, and switches language", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now()
    .toString(36)
    .toUpperCase()
    .replace(/[IOZSV]/g, "1")
    .padStart(9, "0")
    .slice(-9);
  const first17 = `91330702${stamp}`;
  const uscc = first17 + usccCheckCharacter(first17);
  const email = `owner.${stamp.toLowerCase()}@e2e.anfu.test`;
  const password = "一二三四五六七八 safe passphrase";

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the landing page in Chinese", async () => {
    await gotoHydrated(page, "/");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await expect.poll(() => page.locator("h1").first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await expectAccessible(page);
  });

  it("registers through the form and lands on the dashboard", async () => {
    await gotoHydrated(page, "/register");
    await expectAccessible(page);
    await page.getByLabel("单位名称").fill("婺城区端到端测试机械有限公司");
    await page.getByLabel("统一社会信用代码").fill(uscc);
    await page.getByLabel("省份").selectOption({ label: "浙江省" });
    await page.getByLabel("城市").selectOption({ label: "金华市" });
    await page.getByLabel("区县").selectOption({ label: "婺城区" });
    await page.getByLabel("门类").selectOption("C");
    await page.getByLabel("大类").selectOption("34");
    await page.getByLabel("您的姓名").fill("端到端");
    await page.getByLabel("电子邮箱").fill(email);
    await page.locator("#field-password").fill(password);
    await screenshot(page, "register-filled");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await expect.poll(() => page.locator("h1").textContent()).toBe("端到端，您好");
    await expect.poll(() => page.getByRole("banner").textContent()).toContain("婺城区端到端测试机械有限公司");
    await expectAccessible(page);
    await screenshot(page, "dashboard-new-enterprise");
  });

  it("logs out with the header button", async () => {
    await page.getByRole("banner").getByRole("button", { name: "退出" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await waitForHydration(page);
    await expect.poll(() => page.getByRole("banner").getByRole("link", { name: "登录" }).count()).toBe(1);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "anfu_session")).toBeUndefined();
    await page.goto("/dashboard");
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectAccessible(page);
  });

  it("logs in again with the new account", async () => {
    await loginThroughForm(page, email, password);
    await expect.poll(() => page.locator("h1").textContent()).toBe("端到端，您好");
  });

  it("switches to English, keeps it across pages, and switches back", async () => {
    await waitForHydration(page);
    await page.getByRole("banner").getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Hello, 端到端");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    const languageCookie = (await context.cookies()).find((c) => c.name === "lng");
    expect(decodeRemixCookie(languageCookie?.value)).toBe("en");
    await expectAccessible(page);

    // A full page load (not client navigation) must still be English: the cookie decides.
    await page.goto("/settings/account");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await waitForHydration(page);
    await expectAccessible(page);
    await screenshot(page, "settings-account-en");

    await page.getByRole("banner").getByRole("button", { name: "中文" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await page.goto("/dashboard");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await expect.poll(() => page.locator("h1").textContent()).toBe("端到端，您好");
  });
});

/** Remix cookies without secrets hold base64 JSON, URI-encoded. */
function decodeRemixCookie(value: string | undefined): unknown {
  if (!value) return undefined;
  return JSON.parse(Buffer.from(decodeURIComponent(value), "base64").toString("utf8"));
}
