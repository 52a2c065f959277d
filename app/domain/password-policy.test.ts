// Password policy after NIST SP 800-63B §5.1.1.2: at least 8 and at most 128 characters
// (counted as Unicode code points, so a Chinese passphrase is judged by its characters, not
// its UTF-8 bytes), no password from a list of common ones, and not the account's e-mail.
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./data/common-passwords";
import { checkPassword, PASSWORD_MAX, PASSWORD_MIN } from "./password-policy";

describe("length in code points", () => {
  it("limits are 8 and 128", () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 128]);
  });

  it.each([
    ["empty", "", "too_short"],
    ["7 ASCII characters", "gk4#Lp9", "too_short"],
    ["8 ASCII characters", "gk4#Lp9z", null],
    ["128 characters", "x7".repeat(64), null],
    ["129 characters", `${"x7".repeat(64)}q`, "too_long"],
    // 7 Chinese characters are 21 UTF-8 bytes but still only 7 characters.
    ["7 Chinese characters", "安全生产责任重", "too_short"],
    ["8 Chinese characters", "安全生产人人有责", null],
    ["128 Chinese characters (384 bytes)", "安".repeat(128), null],
    ["129 Chinese characters", "安".repeat(129), "too_long"],
    // An astral character (emoji, rare CJK extension B) is two UTF-16 units but one character.
    ["7 emoji (14 UTF-16 units)", "🔒🔑🧯🦺🔥🚒🧰", "too_short"],
    ["8 characters of CJK extension B", "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇", null],
    ["128 emoji (256 UTF-16 units)", "🔒".repeat(128), null],
    ["129 emoji", "🔒".repeat(129), "too_long"],
  ])("%s → %s", (_label, password, expected) => {
    expect(checkPassword(password)).toBe(expected);
  });
});

describe("common passwords", () => {
  it.each(["password", "12345678", "woaini1314", "qwerty123", "1qaz2wsx"])("%s is refused", (password) => {
    expect(checkPassword(password)).toBe("too_common");
  });

  it.each(["PASSWORD", "PassWord", "WoAiNi1314", "QWERTY123", "1QAZ2WSX"])(
    "%s is refused case-insensitively",
    (password) => {
      expect(checkPassword(password)).toBe("too_common");
    },
  );

  it("refuses every entry of the list that is long enough to reach the check", () => {
    const reachable = COMMON_PASSWORDS.filter((p) => [...p].length >= 8 && [...p].length <= 128);
    expect(reachable.length).toBeGreaterThan(100);
    for (const p of reachable) expect(checkPassword(p), p).toBe("too_common");
  });

  it("accepts a common password with something added", () => {
    expect(checkPassword("password-for-anfu-2026")).toBeNull();
  });
});

describe("same as the e-mail", () => {
  it.each([
    ["identical", "wang.li@example.cn", "wang.li@example.cn"],
    ["different case", "Wang.Li@Example.CN", "wang.li@example.cn"],
    ["e-mail typed with spaces and capitals", "wang.li@example.cn", "  WANG.LI@example.cn "],
  ])("%s → same_as_email", (_label, password, email) => {
    expect(checkPassword(password, email)).toBe("same_as_email");
  });

  it("a password merely containing the e-mail is allowed", () => {
    expect(checkPassword("wang.li@example.cn!2026", "wang.li@example.cn")).toBeNull();
  });

  it("without an e-mail the check is skipped", () => {
    expect(checkPassword("wang.li@example.cn")).toBeNull();
  });
});
