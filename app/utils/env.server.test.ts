import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.server";

// Issue 6, defect 2 (docs/decisions/009-proxy-trust.md): `true` made Express believe the
// left-most X-Forwarded-For entry, which any client writes. Only hop counts and addresses.
describe("TRUST_PROXY", () => {
  it.each<[string | undefined, false | number | string[]]>([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["1", 1],
    ["2", 2],
    ["127.0.0.1", ["127.0.0.1"]],
    ["10.0.0.0/8, 172.16.0.0/12", ["10.0.0.0/8", "172.16.0.0/12"]],
    ["loopback,::1,fd00::/8", ["loopback", "::1", "fd00::/8"]],
  ])("%j → %j", (raw, expected) => {
    expect(loadEnv({ TRUST_PROXY: raw }).TRUST_PROXY).toEqual(expected);
  });

  it.each(["true", "yes", "10.0.0.0/33", "10.0.0.0/8/1", "proxy.internal", "1.2.3.4, nonsense", "::1/129"])(
    "refuses %j at start-up",
    (raw) => {
      expect(() => loadEnv({ TRUST_PROXY: raw })).toThrow(/TRUST_PROXY/);
    },
  );

  it("says what to set instead of true", () => {
    expect(() => loadEnv({ TRUST_PROXY: "true" })).toThrow(/number of proxies/);
  });
});

describe("storage settings", () => {
  it("defaults to the local folder", () => {
    expect(loadEnv({}).STORAGE_BACKEND).toBe("local");
  });

  it("refuses s3 without bucket and keys, naming each missing one", () => {
    expect(() => loadEnv({ STORAGE_BACKEND: "s3" })).toThrow(
      /S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
  });

  it("reads a complete s3 configuration", () => {
    const env = loadEnv({
      STORAGE_BACKEND: "s3",
      S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
      S3_BUCKET: "anfu",
      S3_REGION: "oss-cn-hangzhou",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "true",
    });
    expect(env).toMatchObject({
      STORAGE_BACKEND: "s3",
      S3_BUCKET: "anfu",
      S3_REGION: "oss-cn-hangzhou",
      S3_FORCE_PATH_STYLE: true,
    });
  });
});
