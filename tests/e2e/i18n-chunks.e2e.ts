import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeNamespaces } from "../../app/i18n/namespace-scan";
import { resources } from "../../app/i18n/resources";
import { DEMO_PASSWORD, demoOrg } from "./support/constants";
import { gotoHydrated, launchBrowser, loginThroughForm, newContext, waitForHydration } from "./support/browser";

/**
 * Issue 12, decision 023: the browser downloads one chunk per translation namespace; before
 * hydrating, exactly the namespaces the server's render used; on a client-side navigation, the
 * new page's namespaces before it renders, so no raw key (`title`, `filters.region`) ever
 * shows, not even for a frame; both languages.
 */

const ROUTE_NAMESPACES = routeNamespaces(fileURLToPath(new URL("../../app", import.meta.url)));

/** `i18n-<lng>-<ns>-<hash>.js` → "<lng>/<ns>". */
function namespaceChunk(url: string): string | null {
  const m = /\/assets\/i18n-(zh-CN|en)-(\w+)-[\w-]+\.js$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : null;
}

/** Errors the page throws or logs (a hydration mismatch is logged as a React error). */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /React|[Hh]ydrat/.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/**
 * Every namespace chunk the page requests, in order, but `common`: the root layout imports both
 * languages' `common` statically for the <title> (decision 016), so it is part of every page.
 */
function recordChunks(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const chunk = namespaceChunk(request.url());
    if (chunk && !chunk.endsWith("/common")) seen.push(chunk);
  });
  return seen;
}

/** Every key path of every namespace ("orgName", "status.open"; plural suffixes folded). */
function keyPaths(tree: unknown, prefix = "", out = new Set<string>()): Set<string> {
  if (tree !== null && typeof tree === "object")
    for (const [key, value] of Object.entries(tree)) keyPaths(value, prefix ? `${prefix}.${key}` : key, out);
  else out.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ""));
  return out;
}
function leafValues(tree: unknown, out = new Set<string>()): Set<string> {
  if (tree !== null && typeof tree === "object") for (const value of Object.values(tree)) leafValues(value, out);
  else out.add(String(tree).trim());
  return out;
}
const KEYS = [
  ...new Set(Object.values(resources["zh-CN"]).flatMap((ns) => [...keyPaths(ns)].filter((k) => k.length > 1))),
];
const VALUES = [...leafValues(resources)];

/**
 * Watches every text the document shows from now on (added nodes and changed texts) and keeps
 * those that are an untranslated key: i18next shows a missing key as its path ("orgName",
 * "status.open", or "ns:key"), which no translation reads like.
 */
async function watchForKeys(page: Page): Promise<void> {
  await page.evaluate(
    ({ keys, values }) => {
      const found: string[] = [];
      (window as unknown as { __keysSeen: string[] }).__keysSeen = found;
      const keySet = new Set(keys);
      const valueSet = new Set(values);
      const isKey = (text: string) =>
        !valueSet.has(text) && (keySet.has(text) || keySet.has(text.replace(/^\w+:/, "")));
      const check = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          if (node.parentElement?.closest("script, style")) return;
          const text = (node.textContent ?? "").trim();
          if (text && isKey(text)) found.push(text);
        } else node.childNodes.forEach(check);
      };
      check(document.body);
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === "characterData") check(r.target);
          r.addedNodes.forEach(check);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { keys: KEYS, values: VALUES },
  );
}

const keysSeen = (page: Page) => page.evaluate(() => (window as unknown as { __keysSeen: string[] }).__keysSeen);

/** The list the server wrote into the page. */
const embeddedNamespaces = (page: Page) =>
  page.evaluate(() => JSON.parse(document.getElementById("i18n-namespaces")?.textContent ?? "null") as string[]);

/**
 * Client-side navigation through a link of the page, until the new page's <h1> shows (the URL
 * changes before the new page renders: it waits for its namespaces in a transition).
 */
async function clickThrough(page: Page, href: string, h1: RegExp): Promise<void> {
  const before = await page.locator("h1").first().textContent();
  await page.locator(`a[href="${href}"]`).first().click();
  await page.waitForURL((url) => url.pathname === href);
  await expect.poll(() => page.locator("h1").first().textContent()).not.toBe(before);
  expect(await page.locator("h1").first().textContent()).toMatch(h1);
  await page.waitForLoadState("networkidle");
}

const HAN = /\p{Script=Han}/u;
const ASCII = /^[\x20-\x7e]+$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("translation chunks per namespace", () => {
  let context: BrowserContext;
  let page: Page;
  let chunks: string[];
  let errors: string[];

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    chunks = recordChunks(page);
    errors = recordErrors(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("on / the browser loads the namespaces the page used, in Chinese only, and never admin", async () => {
    await page.goto("/");
    const embedded = await embeddedNamespaces(page);
    expect(embedded).toEqual(expect.arrayContaining(["home", "nav"]));
    expect(embedded).not.toContain("admin");
    // Before hydration: exactly the embedded list.
    await page.waitForFunction(() => "__remixRouter" in window);
    for (const ns of embedded.filter((n) => n !== "common")) expect(chunks).toContain(`zh-CN/${ns}`);
    // After: at most what the sources of the root and home routes can show (validation messages…).
    await page.waitForLoadState("networkidle");
    const possible = new Set([...embedded, ...ROUTE_NAMESPACES.root, ...ROUTE_NAMESPACES["routes/home"]]);
    expect(chunks.filter((c) => !possible.has(c.replace("zh-CN/", "")))).toEqual([]);
    expect(chunks.filter((c) => c.startsWith("en/"))).toEqual([]);
    for (const ns of ["admin", "credit", "search", "engagements"]) expect(chunks).not.toContain(`zh-CN/${ns}`);
    expect(new Set(chunks).size, "each chunk once").toBe(chunks.length);
    expect(await page.locator("h1").first().textContent()).toMatch(HAN);
    expect(errors, "hydration matched the server's HTML").toEqual([]);
  });

  it("navigating to pages of other namespaces renders translated text, never keys", async () => {
    await watchForKeys(page);
    await clickThrough(page, "/credit", HAN);
    expect(chunks).toContain("zh-CN/credit");
    await clickThrough(page, "/providers", HAN);
    expect(chunks).toContain("zh-CN/search");
    expect(await keysSeen(page)).toEqual([]);
    expect(chunks).not.toContain("zh-CN/admin");
  });

  it("switches to English: the page and the next page's namespaces come in English", async () => {
    await page.getByRole("banner").getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => page.locator("h1").first().textContent()).toMatch(ASCII);
    expect(chunks).toContain("en/search");
    await watchForKeys(page);
    await clickThrough(page, "/credit", ASCII);
    expect(chunks).toContain("en/credit");
    await clickThrough(page, "/listings", ASCII);
    expect(await keysSeen(page)).toEqual([]);
    // A full load in English: the English chunks of the page, no Chinese ones but common.
    const before = chunks.length;
    await page.goto("/providers");
    await waitForHydration(page);
    expect(chunks.slice(before).filter((c) => c.startsWith("zh-CN/"))).toEqual([]);
    expect(await page.locator("h1").first().textContent()).toMatch(ASCII);
    await page.getByRole("banner").getByRole("button", { name: "中文" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await expect.poll(() => page.locator("h1").first().textContent()).toMatch(HAN);
    expect(errors).toEqual([]);
  });
});

describe("signed in, between pages of different namespaces", () => {
  let context: BrowserContext;
  let page: Page;
  let chunks: string[];

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    chunks = recordChunks(page);
    await loginThroughForm(page, demoOrg("ent-xinda").login.email, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("the dashboard, then requests and engagements, show translations only", async () => {
    await gotoHydrated(page, "/dashboard");
    await watchForKeys(page);
    await clickThrough(page, "/requests", HAN);
    expect(chunks).toContain("zh-CN/requests");
    await clickThrough(page, "/engagements", HAN);
    expect(chunks).toContain("zh-CN/engagements");
    await clickThrough(page, "/notifications", HAN);
    expect(chunks).toContain("zh-CN/notifications");
    expect(await keysSeen(page)).toEqual([]);
    expect(chunks).not.toContain("zh-CN/admin");
    expect(chunks.filter((c) => c.startsWith("en/"))).toEqual([]);
  });
});

describe("as the platform admin, a page whose table borrows another namespace", () => {
  let context: BrowserContext;
  let page: Page;
  let chunks: string[];

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    chunks = recordChunks(page);
    await loginThroughForm(page, demoOrg("platform").login.email, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("the organisations table (settings:orgName through the admin page) never shows its keys", async () => {
    await gotoHydrated(page, "/dashboard");
    expect(await embeddedNamespaces(page)).not.toContain("settings");
    await watchForKeys(page);
    await clickThrough(page, "/admin/organisations", HAN);
    expect(chunks).toContain("zh-CN/admin");
    expect(chunks).toContain("zh-CN/settings");
    expect(await keysSeen(page)).toEqual([]);
  });
});
