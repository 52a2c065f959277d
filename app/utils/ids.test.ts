// Issue 6 #7: an id that is not a UUID names no record: a 404, never a database error.
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { uuidOrNotFound } from "./ids";

describe("uuidOrNotFound", () => {
  it("passes a UUID through, lower-cased", () => {
    expect(uuidOrNotFound("0F8FAD5B-D9CB-469F-A165-70867728950E")).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
  });

  it.each([
    ["abc"],
    [""],
    [null],
    [undefined],
    ["0f8fad5b-d9cb-469f-a165-70867728950e'"],
    ["0f8fad5b-d9cb-469f-a165-70867728950e\u0000"],
    [new Blob(["x"])],
  ])("%j is a 404", (value) => {
    let thrown: unknown;
    try {
      uuidOrNotFound(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(404);
  });
});
