/**
 * A separate process for the concurrent-migration test: says "ready", waits until the go file exists (so every
 * process migrates at the same moment), runs migrateInquiryStore on the data folder (or, with DATABASE_URL in the
 * environment, on that PostgreSQL database) and prints the result as JSON.
 *
 *   node node_modules/tsx/dist/cli.mjs --conditions=react-server tests/helpers/migrate-child.ts <dataDir> <goFile>
 */
import fs from "node:fs";
import { migrateInquiryStore } from "@/lib/inquiries/store/open";

async function main() {
  const [dataDir, goFile] = process.argv.slice(2);
  console.log("ready");
  while (!fs.existsSync(goFile)) await new Promise((r) => setTimeout(r, 2));
  const result = await migrateInquiryStore({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined });
  console.log(JSON.stringify(result));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
