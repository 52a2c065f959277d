import { pino, stdTimeFunctions, type DestinationStream, type Logger } from "pino";
import { defaultLogLevel, LogLevelSetting, type LogLevel } from "./env.server";

export type { Logger };

/**
 * One JSON object per line: `level` as its name, `time` as ISO 8601 (UTC), `msg`, then the
 * fields given. An `err` field is serialised with its type, message and stack.
 * docs/decisions/024-access-log.md.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The level before `configureLogger` runs: LOG_LEVEL if it is valid, else the default. A bad
 * value is refused with a readable message by `loadEnv` a moment later, not here.
 */
function initialLevel(): LogLevel {
  const parsed = LogLevelSetting.safeParse(process.env.LOG_LEVEL);
  return (parsed.success ? parsed.data : undefined) ?? defaultLogLevel(process.env.NODE_ENV);
}

/** The process's logger, writing to stdout. Server and jobs log through it (or a child of it). */
export const logger: Logger = createLogger(initialLevel());

/** Applies the validated setting (server/index.ts, jobs/worker.ts after `loadEnv`). */
export function configureLogger(env: { LOG_LEVEL: LogLevel }): void {
  logger.level = env.LOG_LEVEL;
}
