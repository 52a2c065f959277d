import { z } from "zod";
import { parsePage } from "../domain/paging";

/** `?page=` inside a list's query schema: never fails, see parsePage (docs/architecture.md, "Paging"). */
export const PageField = z.unknown().transform((raw) => parsePage(raw));
