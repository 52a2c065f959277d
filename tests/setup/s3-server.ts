import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * A local S3-compatible server (s3rver, files in a temporary folder) with one bucket, and the
 * settings that point the app at it. s3rver accepts the fixed key pair S3RVER/S3RVER.
 */
export async function startS3Server(bucket = "anfu-test") {
  const directory = await mkdtemp(path.join(tmpdir(), "anfu-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const env = {
    STORAGE_BACKEND: "s3" as const,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: bucket,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: true,
  };
  return {
    env,
    /** The same settings as strings, for a server process's environment. */
    processEnv: { ...env, S3_FORCE_PATH_STYLE: "true" } as Record<string, string>,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
