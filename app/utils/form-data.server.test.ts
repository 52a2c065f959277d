// Issue 6 #7: a form POST with a missing or foreign Content-Type, a multipart body without a
// boundary or a NUL byte is the client's mistake: 415 or 400 with a message key, never a 500.
import { describe, expect, it } from "vitest";
import { readFormData } from "./form-data.server";

type Thrown = { init?: { status?: number }; data?: { messageKey?: string } };

async function outcome(contentType: string | null, body: string): Promise<{ status: number; key?: string } | "read"> {
  const headers = new Headers();
  if (contentType !== null) headers.set("content-type", contentType);
  try {
    await readFormData(new Request("http://x/", { method: "POST", headers, body }));
    return "read";
  } catch (error) {
    const thrown = error as Thrown;
    return { status: thrown.init?.status ?? 500, key: thrown.data?.messageKey };
  }
}

describe("readFormData", () => {
  it.each<[string, string | null, string, ReturnType<typeof outcome> extends Promise<infer R> ? R : never]>([
    ["URL-encoded form", "application/x-www-form-urlencoded", "a=1", "read"],
    ["URL-encoded with charset", "application/x-www-form-urlencoded; charset=UTF-8", "a=1", "read"],
    [
      "multipart with boundary",
      "multipart/form-data; boundary=b0",
      '--b0\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b0--\r\n',
      "read",
    ],
    ["no Content-Type", null, "a=1", { status: 415, key: "unsupported_media_type" }],
    ["text/plain", "text/plain", "a=1", { status: 415, key: "unsupported_media_type" }],
    ["JSON", "application/json", '{"a":1}', { status: 415, key: "unsupported_media_type" }],
    ["multipart without boundary", "multipart/form-data", "--b0\r\n", { status: 400, key: "form_unreadable" }],
    [
      "multipart whose body does not match the boundary",
      "multipart/form-data; boundary=zz",
      "garbage",
      { status: 400, key: "form_unreadable" },
    ],
    ["NUL byte in a value", "application/x-www-form-urlencoded", "a=x%00y", { status: 400, key: "text_invalid" }],
    ["NUL byte in a name", "application/x-www-form-urlencoded", "a%00=1", { status: 400, key: "text_invalid" }],
  ])("%s", async (_label, contentType, body, expected) => {
    expect(await outcome(contentType, body)).toEqual(expected);
  });
});
