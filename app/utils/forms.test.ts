// Issue 6 #14: the browser and the action read a form the same way; a repeated name is an
// array on both sides (Object.fromEntries in the browser kept only the last value).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, parseForm } from "./forms";

const formOf = (entries: Array<[string, string | Blob]>) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe("formDataToObject", () => {
  it.each<[string, Array<[string, string | Blob]>, Record<string, string | string[]>]>([
    [
      "single values stay strings",
      [
        ["a", "1"],
        ["b", "2"],
      ],
      { a: "1", b: "2" },
    ],
    [
      "a repeated name becomes an array in order",
      [
        ["c", "x"],
        ["c", "y"],
        ["c", "z"],
      ],
      { c: ["x", "y", "z"] },
    ],
    [
      "files are left out",
      [
        ["f", new Blob(["%PDF"])],
        ["a", "1"],
      ],
      { a: "1" },
    ],
    ["empty strings are kept", [["a", ""]], { a: "" }],
  ])("%s", (_label, entries, expected) => {
    expect(formDataToObject(formOf(entries))).toEqual(expected);
  });
});

describe("parseForm with repeated fields", () => {
  const Schema = z.object({ title: z.string().min(1, "required") });

  it("refuses a single-valued field sent twice with its own message, not the last value", () => {
    const result = parseForm(
      Schema,
      formOf([
        ["title", "first"],
        ["title", "second"],
      ]),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { title: "field_repeated" } });
  });

  it("turns Zod's own English messages into a translatable key", () => {
    const result = parseForm(z.object({ n: z.number() }), formOf([["n", "1"]]));
    expect(result).toMatchObject({ ok: false, fieldErrors: { n: "invalid_input" } });
  });
});
