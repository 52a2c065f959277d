import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules of docs/architecture.md ("Boundary rules"), as eslint.config.js encodes them:
// each case lints one import line as if it sat in the given file.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, importLine: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = value;\n`, { filePath });
  return result.messages.some((m) => m.ruleId === "no-restricted-imports");
}

describe("layer boundaries (docs/architecture.md, Boundary rules)", () => {
  const cases: Array<[string, string, boolean]> = [
    // app/domain: pure rules
    ["app/domain/x.ts", 'import value from "../../db/schema";', true],
    ["app/domain/x.ts", 'import type value from "#db/client";', true],
    ["app/domain/x.ts", 'import value from "../services/listings.server";', true],
    ["app/domain/x.ts", 'import value from "../routes/home";', true],
    ["app/domain/x.ts", 'import value from "react";', true],
    ["app/domain/x.ts", 'import value from "@remix-run/node";', true],
    ["app/domain/x.ts", 'import value from "node:fs";', true],
    ["app/domain/x.ts", 'import value from "drizzle-orm";', true],
    ["app/domain/x.ts", 'import value from "./regions";', false],
    ["app/domain/x.ts", 'import value from "zod";', false],
    // app/components: render only
    ["app/components/x.tsx", 'import type value from "../../db/schema/accounts";', true],
    ["app/components/x.tsx", 'import value from "../services/search.server";', true],
    ["app/components/x.tsx", 'import value from "../domain/org-kinds";', false],
    ["app/components/x.tsx", 'import value from "react";', false],
    // app/routes: through services only
    ["app/routes/admin/x.tsx", 'import value from "../../../db/schema";', true],
    ["app/routes/admin/x.tsx", 'import value from "drizzle-orm";', true],
    ["app/routes/admin/x.tsx", 'import value from "../../services/admin.server";', false],
    // db/: schema, client, migrations
    ["db/schema/x.ts", 'import value from "../../app/services/audit.server";', true],
    ["db/schema/x.ts", 'import value from "../../app/seed/demo";', true],
    ["db/schema/x.ts", 'import value from "../../app/domain/rank-weights";', false],
    // services never reach up into pages
    ["app/services/x.server.ts", 'import value from "../routes/home";', true],
    ["app/services/x.server.ts", 'import value from "../../db/schema";', false],
  ];

  it.each(cases)(
    "%s: %s → restricted %s",
    async (file, line, expected) => {
      expect(await restricted(file, line)).toBe(expected);
    },
    30_000,
  ); // the first lint loads the TypeScript parser: seconds on a busy machine
});
