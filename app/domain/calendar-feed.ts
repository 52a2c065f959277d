/**
 * A plan item as a calendar event (issue 9, "Calendar": ICS feeds). Pure: the service renders
 * these with the `ics` package. An agreed visit is an all-day event on the agreed date; an item
 * without one is an all-day "due" event on its due date. The UID is the item's id, so a calendar
 * app updates the event when the date moves instead of adding another; SEQUENCE is the row's
 * version; a withdrawn item stays in the feed as CANCELLED so subscribers drop it.
 */
import { addDays, type IsoDate } from "./calendar-date";

export type FeedItem = {
  id: string;
  state: "open" | "done" | "cancelled";
  dueDate: IsoDate;
  scheduledOn: IsoDate | null;
  version: number;
  serviceLabel: string;
  /** The other party: the enterprise in an insurer's feed, the insurer in an enterprise's. */
  partyName: string;
  address: string | null;
};

export type FeedLabels = { visit: string; due: string; done: string };

export type FeedEvent = {
  uid: string;
  start: [number, number, number];
  end: [number, number, number];
  title: string;
  description: string;
  location?: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  sequence: number;
};

export const FEED_UID_DOMAIN = "anfu.calendar";

function dateArray(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

export function feedEvent(item: FeedItem, labels: FeedLabels): FeedEvent {
  const day = item.scheduledOn ?? item.dueDate;
  const prefix = item.state === "done" ? labels.done : item.scheduledOn ? labels.visit : labels.due;
  return {
    uid: `plan-item-${item.id}@${FEED_UID_DOMAIN}`,
    start: dateArray(day),
    end: dateArray(addDays(day, 1)),
    title: `${prefix} ${item.serviceLabel} · ${item.partyName}`,
    description: [item.serviceLabel, item.partyName, item.address ?? "", `${labels.due}: ${item.dueDate}`]
      .filter(Boolean)
      .join("\n"),
    ...(item.address ? { location: item.address } : {}),
    status: item.state === "cancelled" ? "CANCELLED" : item.scheduledOn ? "CONFIRMED" : "TENTATIVE",
    sequence: item.version,
  };
}

/** A feed token as it appears in the URL (`/calendar/<token>.ics`): 32 url-safe characters. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export function feedTokenFromPath(param: string | undefined): string | null {
  if (!param || !param.endsWith(".ics")) return null;
  const token = param.slice(0, -4);
  return FEED_TOKEN.test(token) ? token : null;
}
