import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { notificationText } from "./notification-text";
import { resources } from "./resources";

// A reminder stores the service code; each reader sees the service named in their language.
describe("notificationText", () => {
  it.each([
    ["zh-CN", "已逾期：鑫达 的重点排查（2026-06-30 到期）"],
    ["en", "Overdue: Key inspection for 鑫达 (due 2026-06-30)"],
  ])("names an insurance service from its code in %s", async (lng, title) => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng, resources, interpolation: { escapeValue: false } });
    const text = notificationText(i18n.t, "plan_item_overdue", {
      serviceCode: "key_inspection",
      enterprise: "鑫达",
      dueDate: "2026-06-30",
    });
    expect(text.title).toBe(title);
  });
});
