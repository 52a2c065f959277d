import type { LoaderFunctionArgs } from "@remix-run/node";
import { childrenOf, isValidRegionCode } from "../../domain/regions";

/**
 * GET /regions/:code/children — a region's direct children as [{ code, name }], for the
 * browser's pickers, which ship only provinces and cities and fetch a city's counties here
 * when it is chosen (docs/decisions/016-client-i18n-and-region-data.md). Public, cacheable:
 * the table changes only with a deploy.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!isValidRegionCode(code)) {
    return new Response(
      JSON.stringify({ error: { code: "region_unknown", message: `Unknown region code: ${code.slice(0, 12)}` } }),
      {
        status: 404,
        headers: { "Content-Type": "application/json; charset=utf-8" },
      },
    );
  }
  const body = childrenOf(code).map(({ code: child, name }) => ({ code: child, name }));
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
