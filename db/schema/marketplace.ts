import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
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
import { bayesianRatingSql, gradeSortKeySql, staticScoreSql } from "./search-sql";

/** A tsvector filled by the app's CJK tokeniser (unigrams + bigrams), see app/domain/cjk-tokens.ts. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
/** A set of date ranges (PostgreSQL 14+), as its text form, e.g. "{[2020-01-01,2022-01-01),[2023-01-01,2028-01-01)}". */
export const datemultirange = customType<{ data: string }>({ dataType: () => "datemultirange" });

export const serviceCategory = pgEnum("service_category", [
  "consulting", // 安全咨询
  "training", // 安全教育培训
  "assessment", // 安全评价
  "testing", // 检测检验
  "occupational_health", // 职业卫生
  "engineer_firm", // 注册安全工程师事务所
  "custody", // 安全托管
  "rescue", // 应急救援
]);
export const creditGrade = pgEnum("credit_grade", ["A", "B", "C", "D"]);
export const reviewStatus = pgEnum("review_status", ["pending", "verified", "rejected"]);
export const priceModel = pgEnum("price_model", ["fixed", "per_visit", "yearly_custody"]);
export const listingStatus = pgEnum("listing_status", ["active", "paused"]);
export const filePurpose = pgEnum("file_purpose", [
  "qualification_scan",
  "deliverable",
  "evidence",
  "photo",
  "attachment",
]);

/** Files on local disk (UPLOAD_DIR) under server-made names; the row is the only way in. */
export const files = pgTable(
  "files",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    purpose: filePurpose().notNull(),
    originalName: text().notNull(),
    storedName: varchar({ length: 80 }).notNull().unique(),
    mimeType: varchar({ length: 100 }).notNull(),
    sizeBytes: integer().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    uploadedByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("files_owner_idx").on(t.ownerOrgId)],
);

export const providerProfiles = pgTable(
  "provider_profiles",
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    categories: serviceCategory()
      .array()
      .notNull()
      .default(sql`'{}'`),
    description: text().notNull().default(""),
    staffCount: integer().notNull().default(0),
    contactName: text(),
    contactPhone: varchar({ length: 32 }),
    contactEmail: text(),
    /** GB/T 2260 codes served as declared (county, city or province). */
    regionCodes: varchar({ length: 6 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Served codes with their ancestors and descendants, so one `@>` answers "serves X?". */
    regionKeys: varchar({ length: 6 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** GB/T 4754 sections (letters) and divisions (2 digits). */
    industryCodes: varchar({ length: 2 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Cached from app/domain/credit-grade.ts whenever one of its inputs changes. */
    creditGrade: creditGrade(),
    /** [{ code, params }] from gradeProvider, translated as credit:reason.<code>. */
    creditReasons: jsonb().$type<{ code: string; params?: Record<string, string | number> }[]>().notNull().default([]),
    creditComputedAt: timestamp({ withTimezone: true }),
    /** Published reviews only: the double-blind rule decides when a review counts. */
    reviewCount: integer().notNull().default(0),
    ratingSum: integer().notNull().default(0),
    searchVector: tsvector()
      .notNull()
      .default(sql`''::tsvector`),
    /**
     * Search denormalisation of the organisation, kept by database triggers (migration
     * provider_search_flags): shown in the public directory (not suspended, not rejected) and
     * verified, so search filters on this table alone and joins organisations for one page only.
     */
    listed: boolean().notNull().default(false),
    orgVerified: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("provider_profiles_search_idx").using("gin", t.searchVector),
    index("provider_profiles_region_keys_idx").using("gin", t.regionKeys),
    index("provider_profiles_categories_idx").using("gin", t.categories),
    index("provider_profiles_industries_idx").using("gin", t.industryCodes),
    // Search orders (app/services/search.server.ts): walked backwards with LIMIT, so a query
    // term that matches most rows stops after one page instead of sorting every match.
    index("provider_profiles_rank_idx").on(staticScoreSql(t.creditGrade, t.reviewCount, t.ratingSum), t.orgId),
    index("provider_profiles_grade_rank_idx").on(
      gradeSortKeySql(t.creditGrade),
      staticScoreSql(t.creditGrade, t.reviewCount, t.ratingSum),
      t.orgId,
    ),
    index("provider_profiles_rating_rank_idx").on(bayesianRatingSql(t.reviewCount, t.ratingSum), t.orgId),
  ],
);

export const qualifications = pgTable(
  "qualifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** A code from app/domain/qualification-types.ts. */
    type: varchar({ length: 40 }).notNull(),
    certificateNo: varchar({ length: 64 }).notNull(),
    issuer: text().notNull(),
    scope: text().notNull(),
    /** The service categories this qualification entitles its holder to deliver. */
    scopeCategories: serviceCategory()
      .array()
      .notNull()
      .default(sql`'{}'`),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }).notNull(),
    scanFileId: uuid().references(() => files.id),
    status: reviewStatus().notNull().default("pending"),
    reviewedByUserId: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    rejectReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("qualifications_provider_idx").on(t.providerId), index("qualifications_status_idx").on(t.status)],
);

/** 执业告知: a provider declares each county it serves to that county's bureau. */
export const practiceNotices = pgTable(
  "practice_notices",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    countyCode: varchar({ length: 6 }).notNull(),
    categories: serviceCategory()
      .array()
      .notNull()
      .default(sql`'{}'`),
    note: text(),
    declaredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("practice_notices_county_idx").on(t.countyCode),
    uniqueIndex("practice_notices_active_key")
      .on(t.providerId, t.countyCode)
      .where(sql`withdrawn_at is null`),
  ],
);

export const serviceListings = pgTable(
  "service_listings",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    category: serviceCategory().notNull(),
    title: text().notNull(),
    scope: text().notNull(),
    deliverables: text().notNull().default(""),
    priceModel: priceModel().notNull(),
    priceFen: bigint({ mode: "number" }).notNull(),
    regionCodes: varchar({ length: 6 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    regionKeys: varchar({ length: 6 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    industryCodes: varchar({ length: 2 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** A qualification type code the provider must hold, verified and valid, for the listing to show. */
    requiredQualificationType: varchar({ length: 40 }),
    status: listingStatus().notNull().default("active"),
    searchVector: tsvector()
      .notNull()
      .default(sql`''::tsvector`),
    /**
     * Search denormalisation, kept by database triggers (migration listing_search_triggers):
     * the listing is public on days visible_from … visible_until (-infinity when paused, the
     * provider suspended, or no verified qualification of the required type), and carries its
     * provider's grade and ranking so search can filter and sort on one table's indexes.
     */
    visibleFrom: date({ mode: "string" })
      .notNull()
      .default(sql`'infinity'`),
    visibleUntil: date({ mode: "string" })
      .notNull()
      .default(sql`'-infinity'`),
    /**
     * The exact days the listing is public: one range per verified certificate of the required
     * type, so a gap between two certificates is a gap here (listingVisibility checks each
     * certificate). visible_from … visible_until is its hull, for the indexes; searches test
     * both (listingVisibleOnSql in search-sql.ts).
     */
    visibleDays: datemultirange()
      .notNull()
      .default(sql`'{}'::datemultirange`),
    providerVerified: boolean().notNull().default(false),
    providerGrade: creditGrade(),
    providerGradeKey: smallint().notNull().default(1),
    providerScore: doublePrecision().notNull().default(0),
    providerRating: doublePrecision().notNull().default(4),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("service_listings_provider_idx").on(t.providerId),
    index("service_listings_search_idx").using("gin", t.searchVector),
    index("service_listings_region_keys_idx").using("gin", t.regionKeys),
    index("service_listings_industries_idx").using("gin", t.industryCodes),
    index("service_listings_category_price_idx").on(t.category, t.priceFen),
    index("service_listings_price_idx").on(t.priceFen, t.id),
    index("service_listings_rank_idx").on(t.providerScore, t.id),
    index("service_listings_grade_rank_idx").on(t.providerGradeKey, t.providerScore, t.id),
    index("service_listings_rating_rank_idx").on(t.providerRating, t.id),
  ],
);

export const bureauEvaluationResult = pgEnum("bureau_evaluation_result", ["good", "pass", "fail"]);

/** A bureau's evaluation of a provider's work (e.g. report sampling), an input to credit. */
export const bureauEvaluations = pgTable(
  "bureau_evaluations",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => organisations.id),
    bureauId: uuid()
      .notNull()
      .references(() => organisations.id),
    result: bureauEvaluationResult().notNull(),
    note: text(),
    evaluatedOn: date({ mode: "string" }).notNull(),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bureau_evaluations_provider_idx").on(t.providerId)],
);

export const violationKind = pgEnum("violation_kind", [
  "qualification_renting", // 租借资质
  "illegal_affiliation", // 违法挂靠
  "falsification", // 弄虚作假
  "monopoly_pricing", // 垄断收费
]);

export const violations = pgTable(
  "violations",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: violationKind().notNull(),
    serious: boolean().notNull().default(false),
    note: text(),
    occurredOn: date({ mode: "string" }).notNull(),
    recordedByOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    recordedByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("violations_provider_idx").on(t.providerId)],
);

export type ServiceCategory = (typeof serviceCategory.enumValues)[number];
export type CreditGrade = (typeof creditGrade.enumValues)[number];
export type PriceModel = (typeof priceModel.enumValues)[number];
export type ProviderProfile = typeof providerProfiles.$inferSelect;
export type Qualification = typeof qualifications.$inferSelect;
export type ServiceListing = typeof serviceListings.$inferSelect;
export type StoredFile = typeof files.$inferSelect;
