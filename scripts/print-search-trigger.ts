// Prints the listing search-flags trigger function generated from app/domain/rank-weights.ts
// (db/schema/search-sql.ts), to paste into a new migration when the weights change.
import { listingSearchFlagsFunctionSql } from "../db/schema/search-sql";

console.log(listingSearchFlagsFunctionSql());
