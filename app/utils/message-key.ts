/**
 * The i18n key of a user-facing error. Keys without a namespace live in the shared `errors`
 * namespace; a feature keeps its own messages in its namespace by writing "ns:key" (e.g.
 * "insurance:errors.policy_number_taken"), so the texts load only with the pages that use them
 * (decision 023: a page's first-visit JS stays small).
 */
export function errorMessageKey(key: string): string {
  return key.includes(":") ? key : `errors:${key}`;
}
