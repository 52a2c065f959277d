import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ImportedEnterprise } from "../../app/domain/enterprise-import";
import { organisations, users } from "./accounts";

/**
 * A bureau's register import between its preview and its confirmation (issue 8, decision 017):
 * the validated rows wait here, so the confirm step writes exactly what was previewed. Nothing
 * reaches organisations or enterprise_profiles until the confirmation, and then all at once.
 */
export const registerImportStatus = pgEnum("register_import_status", ["previewed", "done"]);

export const registerImports = pgTable(
  "register_imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    bureauOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    uploadedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    filename: text().notNull(),
    status: registerImportStatus().notNull().default("previewed"),
    rows: jsonb().$type<ImportedEnterprise[]>().notNull(),
    total: integer().notNull(),
    created: integer(),
    updated: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("register_imports_bureau_idx").on(t.bureauOrgId, t.createdAt)],
);
