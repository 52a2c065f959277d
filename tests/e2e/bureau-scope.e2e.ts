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

const JINHUA_ORGS = [demoOrg("ent-xinda").name, demoOrg("ent-jiamei").name, demoOrg("prov-anzheng").name];
const QINGDAO_ORGS = [demoOrg("ent-haisheng").name, demoOrg("prov-anda").name];

/**
 * Whether the bureau's list shows an organisation, looked up by name through the page's own
 * search box, so the answer does not depend on which page of the list it falls on.
 */
async function bureauFinds(page: Page, name: string): Promise<boolean> {
  await page.goto(`/bureau/enterprises?q=${encodeURIComponent(name)}`);
  const table = page.locator("main table");
  if ((await table.count()) === 0) return false;
  return ((await table.textContent()) ?? "").includes(name);
}

describe("a bureau sees the organisations of its own region only", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("金华市应急管理局 sees 金华 enterprises (incl. 义乌, a county-level city of 金华) and no 青岛 ones", async () => {
    const page = await (await newContext(browser)).newPage();
    await loginThroughForm(page, demoOrg("bureau-jinhua").login.email, DEMO_PASSWORD);
    await gotoHydrated(page, "/bureau/enterprises");
    expect(await page.locator("h1").textContent()).toBe("辖区单位");
    await expectAccessible(page);
    await screenshot(page, "bureau-jinhua");
    for (const name of JINHUA_ORGS) expect(await bureauFinds(page, name), name).toBe(true);
    for (const name of QINGDAO_ORGS) expect(await bureauFinds(page, name), name).toBe(false);

    // The region is not a parameter: naming another one in the URL changes nothing.
    await page.goto(`/bureau/enterprises?q=${encodeURIComponent("海晟")}&region=370200&regionCode=370200`);
    expect(await page.locator("main").textContent()).not.toContain(demoOrg("ent-haisheng").name);
  });

  it("青岛市应急管理局 sees 青岛 enterprises and no 金华 ones", async () => {
    const page = await (await newContext(browser)).newPage();
    await loginThroughForm(page, demoOrg("bureau-qingdao").login.email, DEMO_PASSWORD);
    await gotoHydrated(page, "/bureau/enterprises");
    await expectAccessible(page);
    for (const name of QINGDAO_ORGS) expect(await bureauFinds(page, name), name).toBe(true);
    for (const name of JINHUA_ORGS) expect(await bureauFinds(page, name), name).toBe(false);
  });

  it("an enterprise cannot open the bureau page", async () => {
    const page = await (await newContext(browser)).newPage();
    await loginThroughForm(page, demoOrg("ent-haisheng").login.email, DEMO_PASSWORD);
    const response = await page.goto("/bureau/enterprises");
    expect(response?.status()).toBe(403);
    expect(await page.locator("main").textContent()).not.toContain(demoOrg("ent-xinda").name);
    await expectAccessible(page);
  });
});
