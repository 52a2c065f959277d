import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { files, serviceCategory, serviceListings } from "./marketplace";

export const requestStatus = pgEnum("request_status", ["open", "awarded", "closed", "cancelled"]);
export const quoteStatus = pgEnum("quote_status", ["submitted", "withdrawn", "accepted", "declined"]);

/** 需求: an enterprise describes a need; matching providers see it and may quote. */
export const serviceRequests = pgTable(
  "service_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    category: serviceCategory().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    regionCode: varchar({ length: 6 }).notNull(),
    industryCode: varchar({ length: 2 }),
    budgetFen: bigint({ mode: "number" }),
    deadline: date({ mode: "string" }),
    status: requestStatus().notNull().default("open"),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("service_requests_enterprise_idx").on(t.enterpriseId, t.createdAt),
    index("service_requests_open_idx")
      .on(t.category, t.regionCode)
      .where(sql`status = 'open'`),
  ],
);

export const quotes = pgTable(
  "quotes",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => serviceRequests.id),
    providerId: uuid()
      .notNull()
      .references(() => organisations.id),
    listingId: uuid().references(() => serviceListings.id),
    priceFen: bigint({ mode: "number" }).notNull(),
    plan: text().notNull(),
    durationDays: integer(),
    validUntil: date({ mode: "string" }),
    status: quoteStatus().notNull().default("submitted"),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("quotes_request_idx").on(t.requestId),
    index("quotes_provider_idx").on(t.providerId),
    uniqueIndex("quotes_one_live_per_provider")
      .on(t.requestId, t.providerId)
      .where(sql`status in ('submitted', 'accepted')`),
  ],
);

export const engagementStatus = pgEnum("engagement_status", [
  "offer",
  "signed",
  "in_service",
  "delivered",
  "changes_requested",
  "accepted",
  "closed",
  "cancelled",
  "disputed",
]);
/** 服务形式, the five ways a service is delivered (docs/domain.md, "Forms of service and payer"). */
export const deliveryForm = pgEnum("delivery_form", [
  "government_purchase",
  "enterprise_purchase",
  "mutual_aid",
  "association",
  "insurance",
]);
export const payerKind = pgEnum("payer_kind", ["enterprise", "insurer", "bureau"]);

/** 服务合同. `status` only changes together with an engagement_events row. */
export const engagements = pgTable(
  "engagements",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    providerId: uuid()
      .notNull()
      .references(() => organisations.id),
    requestId: uuid().references(() => serviceRequests.id),
    quoteId: uuid().references(() => quotes.id),
    category: serviceCategory().notNull(),
    title: text().notNull(),
    scope: text().notNull(),
    priceFen: bigint({ mode: "number" }).notNull(),
    startDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
    deliveryForm: deliveryForm().notNull().default("enterprise_purchase"),
    payer: payerKind().notNull().default("enterprise"),
    subsidyEligible: boolean().notNull().default(false),
    status: engagementStatus().notNull().default("offer"),
    /** Whose turn it is to answer the current offer (counter-offers alternate). */
    offerAwaitingOrgId: uuid().references(() => organisations.id),
    signedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    acceptedAt: timestamp({ withTimezone: true }),
    /** Bumped on every transition: concurrent transitions cannot both win. */
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("engagements_enterprise_idx").on(t.enterpriseId, t.createdAt),
    index("engagements_provider_idx").on(t.providerId, t.createdAt),
    index("engagements_delivered_idx")
      .on(t.deliveredAt)
      .where(sql`status = 'delivered'`),
  ],
);

export const engagementEvents = pgTable(
  "engagement_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    event: varchar({ length: 40 }).notNull(),
    fromStatus: engagementStatus(),
    toStatus: engagementStatus().notNull(),
    actorOrgId: uuid().references(() => organisations.id),
    actorUserId: uuid().references(() => users.id),
    /** null actor = the system (e.g. automatic acceptance). */
    reason: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("engagement_events_engagement_idx").on(t.engagementId, t.at)],
);

export const deliverableKind = pgEnum("deliverable_kind", ["report", "visit", "training"]);

export const deliverables = pgTable(
  "deliverables",
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    kind: deliverableKind().notNull(),
    title: text().notNull(),
    fileId: uuid().references(() => files.id),
    occurredOn: date({ mode: "string" }),
    /** Visits: place and findings; training: attendees and hours. */
    notes: text(),
    attendees: integer(),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deliverables_engagement_idx").on(t.engagementId)],
);

export const engagementMessages = pgTable(
  "engagement_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    senderOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    senderUserId: uuid().references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("engagement_messages_engagement_idx").on(t.engagementId, t.createdAt)],
);

export const reviewDirection = pgEnum("review_direction", ["client_to_provider", "provider_to_client"]);

/** Double-blind: a review is published when both sides have reviewed or the window closes. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    direction: reviewDirection().notNull(),
    reviewerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    revieweeOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    professionalism: smallint(),
    timeliness: smallint(),
    effect: smallint(),
    overall: smallint().notNull(),
    body: text().notNull().default(""),
    reply: text(),
    repliedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("reviews_one_per_direction").on(t.engagementId, t.direction),
    index("reviews_reviewee_idx").on(t.revieweeOrgId, t.publishedAt),
  ],
);

export type ServiceRequest = typeof serviceRequests.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type Engagement = typeof engagements.$inferSelect;
export type EngagementStatus = (typeof engagementStatus.enumValues)[number];
export type EngagementEvent = typeof engagementEvents.$inferSelect;
export type Review = typeof reviews.$inferSelect;
