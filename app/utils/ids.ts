import { notFound } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id from the URL or a form, as the database will accept it. Anything else names no
 * record, so it is the 404 of a missing one (never PostgreSQL's "invalid input syntax for
 * type uuid", a 500). Route params and intent ids both go through here.
 */
export function uuidOrNotFound(value: unknown, what = "not_found"): string {
  if (typeof value === "string" && UUID.test(value)) return value.toLowerCase();
  throw notFound(what);
}
