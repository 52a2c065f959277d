import { shanghaiDateString } from "../domain/format";
import { seedScale } from "./scale";

/**
 * npm run seed:scale [-- --wipe] [-- --providers=N --listings=M]
 * Fills the PostgreSQL database of DATABASE_URL with 100,000 providers and 300,000 listings
 * for the benchmark (bench/run.ts). Use a database of its own, e.g.
 *   createdb -h 127.0.0.1 -U postgres anfu_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/anfu_bench npm run seed:scale
 */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "seed:scale needs PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/anfu_bench).\n" +
      "It refuses the embedded PGlite, which is neither meant nor fast enough for 400,000 rows.",
  );
  process.exit(2);
}
const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split("=")[1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
};

const providers = arg("providers", 100_000);
const listings = arg("listings", 300_000);
console.log(`seed:scale → ${providers} providers, ${listings} listings`);
try {
  const { seconds } = await seedScale({
    databaseUrl: url,
    providers,
    listings,
    today: shanghaiDateString(new Date()),
    wipe: process.argv.includes("--wipe"),
  });
  console.log(`done in ${seconds} s`);
} catch (error) {
  console.error(`seed:scale failed: ${(error as Error).message}`);
  process.exit(1);
}
