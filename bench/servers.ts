/** PostgreSQL and Redis for the benches that need them, and a database of the run's own. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface BenchDatabase {
  /** The run's own database, as DATABASE_URL. */
  url: string;
  redisUrl: string;
  drop(): Promise<void>;
}

/** A fresh database on BENCH_PG_URL (or PG_TEST_URL), with BENCH_REDIS_URL (or REDIS_TEST_URL); exits 2 without them. */
export async function benchDatabase(bench: string): Promise<BenchDatabase> {
  const pgUrl = process.env.BENCH_PG_URL ?? process.env.PG_TEST_URL;
  const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_TEST_URL;
  if (!pgUrl || !redisUrl) {
    process.stderr.write(`${bench}: set BENCH_PG_URL and BENCH_REDIS_URL (or PG_TEST_URL and REDIS_TEST_URL)\n`);
    process.exit(2);
  }
  const name = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    redisUrl,
    drop: async () => {
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}

/**
 * `npm start`'s entry in a process of its own with `env`, resolved once it says it is ready; rejected if it exits
 * first (a role that cannot start would otherwise leave the bench waiting). Its output is read to the end, so a
 * full pipe never stalls it.
 */
export function startMain(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("mujaz is ready")) resolve(child);
      out = out.slice(-200);
    });
    child.once("exit", (code) => reject(new Error(`src/main.ts exited with ${code} before it was ready`)));
  });
}
