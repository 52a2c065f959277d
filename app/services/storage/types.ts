/**
 * Where uploaded bytes live. The `files` row is the record; a backend only keeps bytes under
 * keys the server made (`<yyyy-mm>/<uuid>.<ext>`). See docs/decisions/010-file-storage.md.
 */
export type StoredObject = { stream: ReadableStream<Uint8Array>; size: number };
export type ListedObject = { key: string; modifiedAt: Date };

export interface FileStorage {
  readonly backend: "local" | "s3";
  /** Writes the bytes; a key is never reused, so no overwrite check is needed beyond the local `wx`. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key with its last change, for the orphan sweeper. */
  list(): AsyncIterable<ListedObject>;
}

/** The settings a backend needs; callers that only know UPLOAD_DIR get the local folder. */
export type StorageEnv = {
  UPLOAD_DIR: string;
  STORAGE_BACKEND?: "local" | "s3";
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE?: boolean;
};
