// Tests for the Unified Social Credit Code rules of GB 32100-2015
// (《法人和其他组织统一社会信用代码编码规则》).
import { describe, expect, it } from "vitest";
import { normaliseUscc, USCC_ALPHABET, usccCheckCharacter, validateUscc } from "./uscc";

// Real codes as published on the National Enterprise Credit Information
// Publicity System (国家企业信用信息公示系统); each must pass the GB 32100 check.
const REAL_CODES: ReadonlyArray<readonly [string, string]> = [
  ["华为技术有限公司", "914403001922038216"],
  ["深圳市腾讯计算机系统有限公司", "9144030071526726XG"],
  ["阿里巴巴（中国）有限公司", "91330100799655058B"],
  ["中国石油化工股份有限公司", "91110000710926094P"],
  ["中国工商银行股份有限公司", "91100000100003962T"],
  ["北京百度网讯科技有限公司", "91110000802100433B"],
  ["贵州茅台酒股份有限公司", "91520000214434146R"],
  ["比亚迪股份有限公司", "91440300192317458F"],
  ["招商银行股份有限公司", "9144030010001686XA"],
];

describe("validateUscc – real published codes (GB 32100-2015)", () => {
  it.each(REAL_CODES)("%s %s is valid", (_name, code) => {
    expect(validateUscc(code)).toEqual({ ok: true, code });
  });

  it.each(REAL_CODES)("%s: check character is recomputed from the first 17", (_name, code) => {
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
  });
});

describe("validateUscc – rejections", () => {
  it.each([
    // [label, input, reason]
    ["wrong check character (Huawei …16 → …17)", "914403001922038217", "check"],
    ["wrong check character (Tencent …XG → …XH)", "9144030071526726XH", "check"],
    ["transposed digits", "914403001922038126", "check"],
    ["17 characters", "91440300192203821", "length"],
    ["19 characters", "9144030019220382160", "length"],
    ["empty", "", "length"],
    ["15-digit old business licence number", "440301103091234", "length"],
    ["forbidden letter I", "9144030071526726XI", "alphabet"],
    ["forbidden letter O", "91440300O92203821G", "alphabet"],
    ["forbidden letter Z", "9144030071526726ZG", "alphabet"],
    ["forbidden letter S", "9144030071526726SG", "alphabet"],
    ["forbidden letter V", "V14403001922038216", "alphabet"],
    ["letter inside the region code (positions 3–8)", "9144A3001922038216", "alphabet"],
    ["punctuation", "91440300-922038216", "alphabet"],
    ["unknown registration authority H", "H14403001922038216", "authority"],
    ["registration authority 0", "014403001922038216", "authority"],
  ] as const)("%s", (_label, input, reason) => {
    expect(validateUscc(input)).toEqual({ ok: false, reason });
  });
});

describe("normalisation", () => {
  it.each([
    ["lower case", "9144030071526726xg", "9144030071526726XG"],
    ["surrounding whitespace", "  914403001922038216\n", "914403001922038216"],
    ["inner spaces (as printed in groups)", "91 440300 192203821 6", "914403001922038216"],
    ["full-width space from an IME", "9144030071526726\u3000xg", "9144030071526726XG"],
  ])("%s", (_label, input, expected) => {
    expect(normaliseUscc(input)).toBe(expected);
    expect(validateUscc(input)).toEqual({ ok: true, code: expected });
  });
});

describe("usccCheckCharacter", () => {
  it("uses the 31-character alphabet without I O Z S V", () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(USCC_ALPHABET).not.toMatch(/[IOZSV]/);
  });

  it('maps a remainder of 0 to "0", not to index 31', () => {
    // All zeros: weighted sum 0 → (31 - 0) mod 31 = 0.
    expect(usccCheckCharacter("00000000000000000")).toBe("0");
  });

  it("rejects wrong lengths and foreign characters", () => {
    expect(() => usccCheckCharacter("1234")).toThrow(RangeError);
    expect(() => usccCheckCharacter("9144030019220382I")).toThrow(RangeError);
  });
});
