import { localStorage } from "./local.server";
import { s3Storage } from "./s3.server";
import type { FileStorage, StorageEnv } from "./types";

export type { FileStorage, StorageEnv } from "./types";

const opened = new Map<string, FileStorage>();

/**
 * The backend the settings name, made once per distinct configuration (an S3 client keeps a
 * connection pool; one per request would waste it). loadEnv has already checked that the S3
 * settings are complete when STORAGE_BACKEND=s3.
 */
export function storageFor(env: StorageEnv): FileStorage {
  const key = JSON.stringify([
    env.STORAGE_BACKEND ?? "local",
    env.UPLOAD_DIR,
    env.S3_ENDPOINT,
    env.S3_BUCKET,
    env.S3_REGION,
    env.S3_ACCESS_KEY_ID,
    env.S3_FORCE_PATH_STYLE,
  ]);
  let storage = opened.get(key);
  if (!storage) {
    storage = env.STORAGE_BACKEND === "s3" ? s3Storage(s3SettingsOf(env)) : localStorage(env.UPLOAD_DIR);
    opened.set(key, storage);
  }
  return storage;
}

function s3SettingsOf(env: StorageEnv) {
  const { S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (!S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new Error("STORAGE_BACKEND=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  }
  return {
    endpoint: env.S3_ENDPOINT,
    bucket: S3_BUCKET,
    region: env.S3_REGION ?? "us-east-1",
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
  };
}
