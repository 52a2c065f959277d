/**
 * The service request (需求) lifecycle, as data (app/domain/machine.ts). A request is open for
 * quotes until the enterprise picks one (`award`, done together with choosing the quote),
 * declines them all (`close`) or withdraws the need (`cancel`). Past its quoting deadline it
 * stays `open` but takes no quotes (openForQuotes in requests.server.ts): expiry is read from
 * the deadline, not stored, so it needs no job.
 */
import type { Machine } from "./machine";

export const REQUEST_STATES = ["open", "awarded", "closed", "cancelled"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_ACTORS = ["enterprise", "provider", "admin", "system"] as const;
export type RequestActor = (typeof REQUEST_ACTORS)[number];
export type RequestStamp = "closedAt";

export const REQUEST_MACHINE: Machine<RequestState, RequestActor, RequestStamp> = {
  name: "request",
  states: REQUEST_STATES,
  graph: {
    open: {
      award: { to: "awarded", actors: ["enterprise"], stamps: ["closedAt"] },
      close: { to: "closed", actors: ["enterprise"], stamps: ["closedAt"], audit: true },
      cancel: { to: "cancelled", actors: ["enterprise"], stamps: ["closedAt"], audit: true },
    },
    awarded: {},
    closed: {},
    cancelled: {},
  },
};
