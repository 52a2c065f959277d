import { createReadStream } from "node:fs";
import { mkdir, readdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { FileStorage, ListedObject } from "./types";

/** Bytes in a folder on this machine (UPLOAD_DIR): the default, for one server process. */
export function localStorage(dir: string): FileStorage {
  const root = path.resolve(dir);
  const pathOf = (key: string) => {
    const full = path.resolve(root, key);
    // Keys are made by the server, but a path outside the folder must be impossible anyway.
    if (!full.startsWith(root + path.sep)) throw new Error(`storage key outside the upload folder: ${key}`);
    return full;
  };
  return {
    backend: "local",
    async put(key, bytes) {
      const full = pathOf(key);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, bytes, { flag: "wx", mode: 0o640 });
    },
    async get(key) {
      const full = pathOf(key);
      const info = await stat(full).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>, size: info.size };
    },
    async delete(key) {
      await unlink(pathOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    },
    async *list(): AsyncIterable<ListedObject> {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const full = path.join(entry.parentPath, entry.name);
        const info = await stat(full).catch(() => null);
        if (info) yield { key: path.relative(root, full).split(path.sep).join("/"), modifiedAt: info.mtime };
      }
    },
  };
}
