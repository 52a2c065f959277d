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

// Issue 12: no log line per request beyond the one access line; level and access log as settings.
describe("LOG_LEVEL and ACCESS_LOG", () => {
  it.each<[Record<string, string>, string]>([
    [{}, "info"],
    [{ NODE_ENV: "production" }, "info"],
    [{ NODE_ENV: "test" }, "warn"],
    [{ NODE_ENV: "test", LOG_LEVEL: "silent" }, "silent"],
    [{ LOG_LEVEL: "" }, "info"],
    [{ LOG_LEVEL: "debug" }, "debug"],
    [{ LOG_LEVEL: "error" }, "error"],
  ])("%j → level %s", (source, level) => {
    expect(loadEnv(source).LOG_LEVEL).toBe(level);
  });

  it.each(["INFO", "verbose", "warning", "0"])("refuses LOG_LEVEL=%j at start-up, naming the choices", (raw) => {
    expect(() => loadEnv({ LOG_LEVEL: raw })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info/);
  });

  it.each<[string | undefined, boolean]>([
    [undefined, true],
    ["", true],
    ["on", true],
    ["off", false],
  ])("ACCESS_LOG=%j → %j", (raw, on) => {
    expect(loadEnv({ ACCESS_LOG: raw }).ACCESS_LOG).toBe(on);
  });

  it.each(["false", "no", "OFF"])("refuses ACCESS_LOG=%j", (raw) => {
    expect(() => loadEnv({ ACCESS_LOG: raw })).toThrow(/ACCESS_LOG must be on or off/);
  });
});
