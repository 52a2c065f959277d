/**
 * PostgreSQL's unique_violation (23505), whether the driver error arrives bare (postgres.js,
 * PGlite) or wrapped by drizzle (`cause`). Services check first and rely on the unique index
 * only for the race two concurrent requests can still win.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
