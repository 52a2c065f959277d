import { describe, expect, it } from "vitest";
import { childrenOf } from "../../domain/regions";
import { loader } from "./children";

const get = (code: string) =>
  loader({ params: { code }, request: new Request(`http://localhost/regions/${code}/children`), context: {} } as never);

describe("GET /regions/:code/children (the pickers' counties on demand)", () => {
  it("answers a city's counties from the server's full table, cacheable JSON", async () => {
    const res = await get("330700");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toContain("max-age");
    const body = (await res.json()) as { code: string; name: string }[];
    expect(body).toEqual(childrenOf("330700").map(({ code, name }) => ({ code, name })));
    expect(body).toContainEqual({ code: "330702", name: "婺城区" });
  });

  it("answers [] for a county and for a city without counties (东莞)", async () => {
    expect(await (await get("330702")).json()).toEqual([]);
    expect(await (await get("441900")).json()).toEqual([]);
  });

  it.each(["999999", "33070", "abc", ""])("404 JSON for an unknown code %j, never a 500", async (code) => {
    const res = await get(code);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("region_unknown");
  });
});
