import { z } from "zod";

const EnvSchema = z.object({
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
  APP_ORIGIN: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  UPLOAD_DIR: z.string().default("./uploads"),
  STRIPE_SECRET_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  STRIPE_WEBHOOK_SECRET: z.string().optional().or(z.literal("").transform(() => undefined)),
  /** Seed demo data at start-up when the database is empty (never in production). */
  SEED_ON_START: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Requests per minute and IP to the search pages and to the API without a token (0: off). */
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Requests per minute and API token (0: off). */
  RATE_LIMIT_TOKEN_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

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
