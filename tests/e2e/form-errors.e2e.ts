import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USCC_ALPHABET, usccCheckCharacter } from "../../app/domain/uscc";
import { expectAccessible, gotoHydrated, launchBrowser, newContext } from "./support/browser";

describe("form errors are shown beside the field, in Chinese, before anything is sent", () => {
  let browser: Browser;
  let page: Page;
  const posts: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    page.on("request", (request) => {
      if (request.method() !== "GET") posts.push(request.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("flags a USCC with a wrong check character without submitting the form", async () => {
    const first17 = "91330702MA2E2E001";
    const right = usccCheckCharacter(first17);
    const wrong = [...USCC_ALPHABET].find((c) => c !== right)!;

    await gotoHydrated(page, "/register");
    await page.getByLabel("单位名称").fill("校验位测试有限公司");
    await page.getByLabel("统一社会信用代码").fill(first17 + wrong);
    await page.getByLabel("省份").selectOption({ label: "浙江省" });
    await page.getByLabel("城市").selectOption({ label: "金华市" });
    await page.getByLabel("区县").selectOption({ label: "婺城区" });
    await page.getByLabel("您的姓名").fill("校验");
    await page.getByLabel("电子邮箱").fill("check-digit@e2e.anfu.test");
    await page.locator("#field-password").fill("a long enough passphrase");
    posts.length = 0;
    await page.getByRole("button", { name: "注册并登录" }).click();

    const message = page.locator("#field-uscc-error");
    await expect.poll(() => message.textContent()).toContain("校验位");
    const input = page.getByLabel("统一社会信用代码");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect(await input.getAttribute("aria-describedby")).toContain("field-uscc-error");
    // The message sits in the USCC field's own block, not in a banner at the top.
    expect(await page.locator("div.mb-4", { has: input }).locator(".field-error").textContent()).toContain("校验位");
    // Only the USCC is wrong, so no other field complains.
    expect(await page.locator(".field-error").count()).toBe(1);

    expect(new URL(page.url()).pathname).toBe("/register");
    expect(posts).toEqual([]);
    await expectAccessible(page);
  });

  it("updates the message on the next try (an empty code is required)", async () => {
    const input = page.getByLabel("统一社会信用代码");
    await input.fill("");
    posts.length = 0;
    await page.getByRole("button", { name: "注册并登录" }).click();
    await expect.poll(() => page.locator("#field-uscc-error").textContent()).toBe("此项必填");
    expect(posts).toEqual([]);
  });
});
