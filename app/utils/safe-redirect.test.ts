// Open redirects (issue 6, defect 1): after login or a language switch the user may only be
// sent to a path on this site. Each row is an input seen in the wild or in the WHATWG URL
// parser's rules (tabs and newlines are removed, `\` counts as `/` in http URLs).
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http.server";

const FALLBACK = "/dashboard";

describe("safeRedirect", () => {
  it.each<[label: string, input: unknown, expected: string]>([
    ["plain path", "/requests/new", "/requests/new"],
    ["path with query and hash", "/providers?q=评价#top", "/providers?q=%E8%AF%84%E4%BB%B7#top"],
    ["non-ASCII path is percent-encoded (a header must be Latin-1)", "/搜索", "/%E6%90%9C%E7%B4%A2"],
    ["dot segments are resolved on this site", "/a/../settings", "/settings"],
    ["percent-encoded slash stays a path", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["dot segment making a protocol-relative path", "/.//evil.example", FALLBACK],
    ["protocol-relative URL", "//evil.example/x", FALLBACK],
    ["tab after the first slash", "/\t/evil.example/x", FALLBACK],
    ["newline after the first slash", "/\n/evil.example", FALLBACK],
    ["CR LF (header injection)", "/x\r\nSet-Cookie: a=b", FALLBACK],
    ["NUL byte", "/x\u0000y", FALLBACK],
    ["DEL character", "/x\u007f", FALLBACK],
    ["backslash after the slash", "/\\evil.example", FALLBACK],
    ["backslash later in the path", "/a\\b", FALLBACK],
    ["absolute URL to another host", "https://evil.example/", FALLBACK],
    ["javascript: URL", "javascript:alert(1)", FALLBACK],
    ["relative path without a slash", "evil.example", FALLBACK],
    ["empty string", "", FALLBACK],
    ["null", null, FALLBACK],
    ["undefined", undefined, FALLBACK],
    ["a file instead of text", new Blob(["/x"]), FALLBACK],
    ["absurdly long", `/${"a".repeat(5000)}`, FALLBACK],
  ])("%s", (_label, input, expected) => {
    expect(safeRedirect(input as string, FALLBACK)).toBe(expected);
  });

  it("never leaves the site, whatever the input", () => {
    const samples = [
      "/\t\t//evil.example",
      "/ /evil.example",
      "/.//evil.example",
      "/\\/evil.example",
      "/%09/evil.example",
    ];
    for (const sample of samples) {
      const target = new URL(safeRedirect(sample, FALLBACK), "https://anfu.example.cn");
      expect(target.origin).toBe("https://anfu.example.cn");
    }
  });
});
