// ESLint flat config. Besides the usual JavaScript/TypeScript/React-hooks checks, it encodes
// the layer boundaries of docs/architecture.md ("Layers" and "Boundary rules"): each block
// below says which imports a folder may not make, and why, in the message the developer sees.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** An import path that reaches the database layer: `db/…` by a relative path or the `#db/` alias. */
const DB = "^(#db/|(\\.\\./)+db(/|$))";
/** Drizzle itself: queries are written in services, never beside a page or a rule. */
const DRIZZLE = "^drizzle-orm(/|$)";
const SERVICES = "^(~/services/|(\\.\\./)+services/|(\\.\\./)+app/services/)";
const ROUTES = "^(~/routes/|(\\.\\./)+routes/|(\\.\\./)+app/routes/)";
const COMPONENTS = "^(~/components/|(\\.\\./)+components/)";
const SEED = "^(~/seed/|(\\.\\./)+seed/|(\\.\\./)+app/seed/)";
const FRAMEWORK = "^(react|react-dom|react-i18next|i18next|@remix-run/.*|remix-i18next)(/.*)?$";
const NODE = "^node:";

/** One restriction set with one explanation for the whole layer. */
function forbid(why, ...groups) {
  return {
    "no-restricted-imports": ["error", { patterns: groups.map((regex) => ({ regex, message: why })) }],
  };
}

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      ".data*/**",
      "uploads/**",
      "tests/e2e/.artifacts/**",
      "public/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // `_`-prefixed names are deliberate (a destructured value left out, an unused parameter kept for its position).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Empty `catch {}` is how the code says "best effort, nothing to do"; an empty block elsewhere is still an error.
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: forbid(
      'app/domain holds pure rules: no database, services, routes, UI, framework or Node APIs; pass data and `now` in (docs/architecture.md, "Boundary rules").',
      DB,
      DRIZZLE,
      SERVICES,
      ROUTES,
      COMPONENTS,
      SEED,
      FRAMEWORK,
      NODE,
    ),
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: forbid(
      'Components render what a loader gave them: no database (not even its types: use app/domain), no services, no routes (docs/architecture.md, "Boundary rules").',
      DB,
      DRIZZLE,
      SERVICES,
      ROUTES,
      SEED,
    ),
  },
  {
    files: ["app/forms/**/*.{ts,tsx}", "app/i18n/**/*.{ts,tsx}"],
    rules: forbid(
      'Forms and translations are shared with the browser: no database, services or routes (docs/architecture.md, "Boundary rules").',
      DB,
      DRIZZLE,
      SERVICES,
      ROUTES,
      SEED,
    ),
  },
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx", "app/entry.*.tsx"],
    rules: forbid(
      'Routes are thin (parse → authorise → service → respond): they reach the database only through app/services (docs/architecture.md, "Boundary rules").',
      DB,
      DRIZZLE,
      SEED,
    ),
  },
  {
    files: ["app/services/**/*.ts", "app/utils/**/*.{ts,tsx}"],
    rules: forbid(
      'Services and request helpers never depend on pages, components or the demo seed (docs/architecture.md, "Boundary rules").',
      ROUTES,
      COMPONENTS,
      SEED,
    ),
  },
  {
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: forbid(
      'db/ is schema, client and migrations only: it may use app/domain, nothing above it (docs/architecture.md, "Boundary rules").',
      "^(~/(services|routes|components|seed|utils)/|(\\.\\./)+app/(services|routes|components|seed|utils)/)",
    ),
  },
);
