import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notifications, organisations } from "../../db/schema";
import { seedDemo } from "../../app/seed/demo";
import { shanghaiDateString } from "../../app/domain/format";
import { createMailTransport } from "../../app/services/mail.server";
import { findJob } from "../../jobs/registry";
import { insertQualification } from "../factories/providers";
import { artifactsDir } from "./support/artifacts";
import { startSmtpServer } from "../factories/smtp";
import { prepareDatabase, type DatabaseLocation } from "./setup/databases";
import { startServer, type RunningServer } from "./setup/server";
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
 * Notifications end to end, on a server of this file's own whose SMTP_URL points at an SMTP
 * server the test runs: a quote rings the enterprise's bell, the notice opens the quote
 * comparison, and the mail arrives in Chinese. A qualification reminder is produced by running
 * the schedule with a `now` the test sets, three times, before the server starts.
 */
const enterprise = demoOrg("ent-xinda");
const anzheng = demoOrg("prov-anzheng");
const REMINDER_NOW = new Date("2027-03-01T10:15:00+08:00");
const CERT = "APJ-(浙)-E2E-7DAYS";
const artifacts = artifactsDir();

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let database: DatabaseLocation;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function fill(db: Db) {
  await seedDemo(db, { NODE_ENV: "development" }, new Date());
  // A clean inbox: what the seed's own activity notified is not this test's subject.
  await db.delete(notifications);
  const [provider] = await db.select().from(organisations).where(eq(organisations.name, anzheng.name));
  const validTo = shanghaiDateString(new Date(REMINDER_NOW.getTime() + 7 * 86_400_000));
  await insertQualification(db, provider!.id, { validTo, certificateNo: CERT });
  const mailEnv = { mailFrom: "安服市集 <noreply@anfu.test>", appOrigin: "http://localhost" };
  const job = findJob("qualification-reminders")!;
  for (let run = 0; run < 3; run++) {
    await job.run({
      db,
      now: new Date(REMINDER_NOW.getTime() + run * 3_600_000),
      delivery: { mailEnv, transport: createMailTransport(mailEnv) },
    });
  }
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  smtp = await startSmtpServer();
  database = await prepareDatabase(fill);
  server = await startServer({
    name: "notifications",
    env: { ...database.env, NODE_ENV: "development", SMTP_URL: smtp.url, MAIL_FROM: "安服市集 <noreply@anfu.test>" },
    logFile: `${artifacts}/server-notifications.log`,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  const code = await server?.stop();
  await database?.drop();
  await smtp?.close();
  expect(code).toBe(0);
});

async function pageFor(email: string): Promise<Page> {
  const context = await newContext(browser, { baseURL: server.url });
  contexts.push(context);
  const page = await context.newPage();
  await loginThroughForm(page, email, DEMO_PASSWORD);
  return page;
}

describe("notifications", () => {
  it("a quote rings the enterprise's bell, opens the comparison, and is mailed in Chinese", async () => {
    const ent = await pageFor(enterprise.login.email);
    const zheng = await pageFor(anzheng.login.email);
    await expect(ent.getByTestId("notification-count").count()).resolves.toBe(0);

    const title = `安全生产标准化咨询 ${Date.now().toString(36)}`;
    await gotoHydrated(ent, "/requests/new");
    await ent.locator("#field-category").selectOption("consulting");
    await ent.locator("#field-title").fill(title);
    await ent.locator("#field-description").fill("金华市婺城区五金制品厂，员工 60 人，需要标准化咨询并出具书面报告。");
    await ent.locator("#field-budget").fill("20000");
    await ent.locator("main button[type=submit]").click();
    await ent.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const requestId = ent.url().split("/").at(-1)!;

    await gotoHydrated(zheng, `/provider/inbox/${requestId}`);
    await zheng.locator("#field-price").fill("12000");
    await zheng.locator("#field-plan").fill("两名注册安全工程师上门诊断，一个月内完成。");
    await zheng.getByRole("button", { name: "提交报价" }).click();
    await expect.poll(() => zheng.locator("main").innerText()).toContain("报价已提交");

    await gotoHydrated(ent, "/dashboard");
    await expect.poll(() => ent.getByTestId("notification-count").innerText()).toBe("1");
    await ent.getByTestId("notification-bell").click();
    await ent.waitForURL((url) => url.pathname === "/notifications");
    const item = ent.getByTestId("notification-list").getByRole("link", { name: `“${title}”收到新报价` });
    await expect.poll(() => item.count()).toBe(1);
    await expectAccessible(ent);
    for (const [width, height] of [
      [1366, 768],
      [390, 844],
    ] as const) {
      await ent.setViewportSize({ width, height });
      await screenshot(ent, `notifications-${width}`);
    }
    await ent.setViewportSize({ width: 1366, height: 768 });
    await item.click();
    await ent.waitForURL((url) => url.pathname === `/requests/${requestId}`);
    await expect.poll(() => ent.locator("thead").innerText()).toContain(anzheng.name);
    // Opened, so read: the bell has nothing left to count.
    await expect.poll(() => ent.getByTestId("notification-count").count()).toBe(0);

    // The outbox relay runs every few seconds in the server: the mail arrives in Chinese.
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes(enterprise.login.email)).length, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(1);
    const mail = smtp.received.find((m) => m.to.includes(enterprise.login.email))!;
    expect(mail.subject).toBe(`“${title}”收到新报价`);
    expect(mail.text).toContain("收到一份新报价，可在报价对比中查看");
    expect(mail.text).toContain(`/requests/${requestId}`);
  });

  it("shows one 7-day reminder for a qualification however many times the schedule ran", async () => {
    const zheng = await pageFor(anzheng.login.email);
    await gotoHydrated(zheng, "/notifications");
    const reminders = zheng
      .getByTestId("notification-list")
      .getByRole("link", { name: `资质“${CERT}”将于 7 天后到期` });
    await expect.poll(() => zheng.getByTestId("notification-list").count()).toBe(1);
    await expect(reminders.count()).resolves.toBe(1);
    await screenshot(zheng, "notifications-provider-1366");
  });
});
