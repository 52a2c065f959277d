import { isIP } from "node:net";
import { z } from "zod";

/** Names Express's `trust proxy` knows for whole address ranges. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `false`/empty: X-Forwarded-For is ignored. A number: that many proxies in front of the app
 * (1 = one nginx); the client is the entry that many hops from the right. A comma list of
 * addresses/CIDRs: exactly those proxies. `true` is refused: Express would then believe the
 * left-most entry, which the client writes itself.
 */
const TrustProxySetting = z
  .string()
  .default("false")
  .transform((raw, ctx): false | number | string[] => {
    const value = raw.trim();
    if (value === "" || value === "false" || value === "0") return false;
    if (value === "true") {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          "TRUST_PROXY=true would trust any client's X-Forwarded-For; set the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.0/8)",
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !isAddressOrCidr(e));
    if (bad.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `TRUST_PROXY: not a hop count, address or CIDR: ${bad.join(", ")}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Empty means "not set": the default applies (info; warn under NODE_ENV=test). */
export const LogLevelSetting = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
);

/** `off` drops the one access line per request (docs/decisions/024-access-log.md). */
export const AccessLogSetting = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["on", "off"], { message: "ACCESS_LOG must be on or off" }).default("on"),
  )
  .transform((v) => v === "on");

/** The level when LOG_LEVEL is not set: tests keep quiet unless something goes wrong. */
export function defaultLogLevel(nodeEnv: string | undefined): LogLevel {
  return nodeEnv === "test" ? "warn" : "info";
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().default("./.data"),
    /** Public origin, e.g. https://anfu.example.cn; when set, Origin checks compare against it. */
    APP_ORIGIN: z
      .string()
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    UPLOAD_DIR: z.string().default("./uploads"),
    STRIPE_SECRET_KEY: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Seed demo data at start-up when the database is empty (never in production). */
    SEED_ON_START: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    /** Requests per minute and IP to the search pages and to the API without a token (0: off). */
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).default(120),
    /** Requests per minute and API token (0: off). */
    RATE_LIMIT_TOKEN_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    /** How many reverse proxies, or which addresses, may set X-Forwarded-For (docs/decisions/009-proxy-trust.md). */
    TRUST_PROXY: TrustProxySetting,
    /** Where uploaded bytes live (docs/decisions/010-file-storage.md). */
    STORAGE_BACKEND: z.enum(["local", "s3"]).default("local"),
    S3_ENDPOINT: z
      .string()
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    S3_BUCKET: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    S3_REGION: z.string().default("us-east-1"),
    S3_ACCESS_KEY_ID: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    S3_SECRET_ACCESS_KEY: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    LOG_LEVEL: LogLevelSetting,
    ACCESS_LOG: AccessLogSetting,
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_BACKEND !== "s3") return;
    for (const key of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!env[key])
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: `${key} is required when STORAGE_BACKEND=s3`,
        });
    }
  })
  .transform((env) => ({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? defaultLogLevel(env.NODE_ENV) }));

export type Env = z.infer<typeof EnvSchema>;

/** Parses once at start-up; a bad setting stops the process with a readable list. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
