import AxeBuilder from "@axe-core/playwright";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";

/** Flags that keep Debian's Chromium quiet on a machine without outside network. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromiumPath"), args: CHROMIUM_ARGS });
}

/** A fresh context (own cookies) speaking Chinese first, as most users do. */
export function newContext(
  browser: Browser,
  options: {
    baseURL?: string;
    locale?: string;
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
  } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: options.baseURL ?? inject("baseURL"),
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.javaScriptEnabled === false ? { javaScriptEnabled: false } : {}),
    locale: options.locale ?? "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
}

/**
 * Opens a page and waits until Remix has hydrated it (the router exists and the route
 * modules are loaded), so client-side validation and handlers are attached.
 */
export async function gotoHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForHydration(page);
}

export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.waitForLoadState("networkidle");
}

export async function loginThroughForm(page: Page, email: string, password: string): Promise<void> {
  await gotoHydrated(page, "/login");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("main button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/dashboard");
}

/** No accessibility violation of impact serious or critical on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join("\n    ")}`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** A full-page PNG in tests/e2e/.artifacts (not committed), to look at after a run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = fileURLToPath(new URL(`../.artifacts/${name}.png`, import.meta.url));
  await page.screenshot({ path, fullPage: true });
}
