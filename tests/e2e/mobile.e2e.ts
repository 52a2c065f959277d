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
 * Issue 11, "Mobile": at 390×844 each role's main pages fit the screen (no sideways scroll),
 * pass axe, and the ☰ menu opens the navigation whose links work.
 */
const PHONE = { width: 390, height: 844 };

type Role = { name: string; login?: string; pages: string[]; menuLink: { label: string; path: string } };

const ROLES: Role[] = [
  {
    name: "anonymous",
    pages: ["/", "/providers", "/listings"],
    menuLink: { label: "服务项目", path: "/listings" },
  },
  {
    name: "enterprise",
    login: demoOrg("ent-jiamei").login.email,
    pages: ["/dashboard", "/providers", "/requests", "/engagements", "/notifications"],
    menuLink: { label: "我的需求", path: "/requests" },
  },
  {
    name: "provider",
    login: demoOrg("prov-anlian").login.email,
    pages: ["/dashboard", "/provider/inbox", "/engagements", "/notifications"],
    menuLink: { label: "需求收件箱", path: "/provider/inbox" },
  },
  {
    name: "bureau",
    login: demoOrg("bureau-jinhua").login.email,
    pages: ["/dashboard", "/bureau/enterprises", "/notifications"],
    menuLink: { label: "辖区单位", path: "/bureau/enterprises" },
  },
  {
    name: "platform admin",
    login: demoOrg("platform").login.email,
    pages: ["/dashboard", "/admin/organisations", "/engagements", "/notifications"],
    menuLink: { label: "单位管理", path: "/admin/organisations" },
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `scrollWidth on ${page.url()}`).toBeLessThanOrEqual(PHONE.width);
}

describe.each(ROLES)("at 390 px, as $name", (role) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser, { viewport: PHONE });
    page = await context.newPage();
    if (role.login) await loginThroughForm(page, role.login, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(role.pages)("%s fits the screen and passes axe", async (path) => {
    await gotoHydrated(page, path);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, `mobile-${role.name.replace(/ /g, "-")}${path.replace(/\//g, "-")}`);
  });

  it("opens the menu with its button and follows a link in it", async () => {
    await gotoHydrated(page, role.pages[0]);
    const button = page.getByRole("button", { name: "菜单" });
    const link = page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: role.menuLink.label });
    await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => link.isVisible()).toBe(false);
    await button.click();
    await expect.poll(() => button.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => link.isVisible()).toBe(true);
    await expectAccessible(page);
    await link.click();
    await page.waitForURL((url) => url.pathname === role.menuLink.path);
    // Arriving on the new page folds the menu again.
    await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
  });
});

describe("at 390 px, the bar keeps what a phone user needs", () => {
  it("shows the bell beside the menu button and reaches the language switch through the menu", async () => {
    const context = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await loginThroughForm(page, demoOrg("ent-jiamei").login.email, DEMO_PASSWORD);
    // The login lands on /dashboard by client-side navigation: the URL changes before the new
    // header renders, so wait for the bell rather than reading it at once.
    await page.getByTestId("notification-bell").waitFor({ state: "visible" });
    expect(await page.getByTestId("notification-bell").isVisible()).toBe(true);
    const language = page.getByRole("button", { name: "English" });
    expect(await language.isVisible()).toBe(false);
    await page.getByRole("button", { name: "菜单" }).click();
    await language.click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await context.close();
  });
});

describe("at 390 px without JavaScript", () => {
  it("shows the whole menu open, with no button that could not work", async () => {
    const context = await newContext(browser, { viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    expect(
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "服务项目" }).isVisible(),
    ).toBe(true);
    expect(await page.getByRole("button", { name: "菜单" }).count()).toBe(0);
    await context.close();
  });
});

describe("at 390 px, tables become cards", () => {
  it("shows each organisation row as a card of label: value lines", async () => {
    const context = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await loginThroughForm(page, demoOrg("bureau-jinhua").login.email, DEMO_PASSWORD);
    await gotoHydrated(page, "/bureau/enterprises");
    const firstRow = page.locator("table.data-table tbody tr").first();
    const layout = await firstRow.evaluate((row) => {
      const cell = row.querySelector("td")!;
      return {
        row: getComputedStyle(row).display,
        label: getComputedStyle(cell, "::before").content,
        header: row.closest("table")!.querySelector("thead")!.getBoundingClientRect().height,
      };
    });
    expect(layout).toEqual({ row: "block", label: '"单位名称"', header: 1 });
    await context.close();
  });
});
