import i18next, { type TFunction } from "i18next";
import nodemailer from "nodemailer";
import { z } from "zod";
import { toLanguage, type Language } from "../i18n/config";
import { i18nServerConfig as i18nConfig } from "../i18n/server-config";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification: a resend after a crash carries the same Message-ID. */
  messageId: string;
};

/** SMTP when SMTP_URL is set; otherwise the mail log alone keeps the message (admin/mail). */
export type MailTransport = { kind: "smtp" | "log"; send: (message: MailMessage) => Promise<void>; close?: () => void };

const MailEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("安服市集 <noreply@anfu.local>"),
  /** Public origin used for links in mails, when APP_ORIGIN is not set. */
  APP_ORIGIN: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type MailEnv = { smtpUrl?: string; mailFrom: string; appOrigin: string };

/** Read once at start-up; a bad setting stops the process with a readable message. */
export function loadMailEnv(source: Record<string, string | undefined> = process.env, port = 3000): MailEnv {
  const parsed = MailEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  }
  return {
    smtpUrl: parsed.data.SMTP_URL,
    mailFrom: parsed.data.MAIL_FROM,
    appOrigin: parsed.data.APP_ORIGIN ?? `http://localhost:${port}`,
  };
}

export function createMailTransport(env: MailEnv): MailTransport {
  if (!env.smtpUrl) return { kind: "log", send: async () => {} };
  // Short timeouts: a down server fails the try quickly and the outbox retries it later.
  const transporter = nodemailer.createTransport(env.smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    kind: "smtp",
    send: async (m) => {
      await transporter.sendMail({
        from: env.mailFrom,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
      });
    },
    close: () => transporter.close(),
  };
}

let mailI18n: Promise<typeof i18next> | null = null;
/** A server-side i18next of its own: mails are written in the recipient's language, not the request's. */
export async function mailT(language: string): Promise<TFunction> {
  mailI18n ??= (async () => {
    const instance = i18next.createInstance();
    await instance.init({
      ...i18nConfig,
      supportedLngs: [...i18nConfig.supportedLngs],
      ns: [...i18nConfig.ns],
      initImmediate: false,
    });
    return instance;
  })();
  return (await mailI18n).getFixedT(toLanguage(language) satisfies Language);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Plain text and HTML of one mail: a list of (title, body, url) items and the footer. */
export function composeMail(
  t: TFunction,
  parts: {
    subject: string;
    intro?: string;
    items: { title: string; body: string; url: string }[];
    orgName: string;
    settingsUrl: string;
  },
): Pick<MailMessage, "subject" | "text" | "html"> {
  const footer = t("notifications:mailFooter", { org: parts.orgName, settingsUrl: parts.settingsUrl });
  const textItems = parts.items.map((i) => `${i.title}\n${i.body}\n${t("notifications:openLink", { url: i.url })}`);
  const text = [parts.intro, ...textItems, "--", footer].filter(Boolean).join("\n\n");
  const htmlItems = parts.items
    .map(
      (i) =>
        `<h2 style="font-size:16px">${escapeHtml(i.title)}</h2><p>${escapeHtml(i.body)}</p><p><a href="${escapeHtml(i.url)}">${escapeHtml(i.url)}</a></p>`,
    )
    .join("");
  const html = `<!doctype html><html><body style="font-family:sans-serif">${parts.intro ? `<p>${escapeHtml(parts.intro)}</p>` : ""}${htmlItems}<hr><p style="color:#64748b;font-size:12px">${escapeHtml(footer)}</p></body></html>`;
  return { subject: parts.subject, text, html };
}
