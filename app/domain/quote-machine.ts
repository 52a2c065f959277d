/**
 * The quote (报价) lifecycle, as data (app/domain/machine.ts). A submitted quote is chosen by
 * the enterprise (`choose` → accepted), not chosen when another is picked or the request ends
 * (`decline` → declined, fired by the system on the request's behalf), or taken back by its
 * provider (`withdraw`). A quote past its validUntil date stays `submitted` but can no longer
 * be chosen (acceptQuote's requirement): expiry is read from the date, not stored.
 */
import type { Machine } from "./machine";

export const QUOTE_STATES = ["submitted", "accepted", "declined", "withdrawn"] as const;
export type QuoteState = (typeof QUOTE_STATES)[number];
export const QUOTE_ACTORS = ["enterprise", "provider", "admin", "system"] as const;
export type QuoteActor = (typeof QUOTE_ACTORS)[number];

export const QUOTE_MACHINE: Machine<QuoteState, QuoteActor, never> = {
  name: "quote",
  states: QUOTE_STATES,
  graph: {
    submitted: {
      choose: { to: "accepted", actors: ["enterprise"] },
      decline: { to: "declined", actors: ["system"] },
      withdraw: { to: "withdrawn", actors: ["provider"], audit: true },
    },
    accepted: {},
    declined: {},
    withdrawn: {},
  },
};
