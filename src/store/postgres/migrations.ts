/**
 * The PostgreSQL schema, one entry per version. Never edit one that has shipped; add a new one. Applied at start-up
 * under an advisory lock, so instances starting together migrate once.
 */
import type { Pool } from "pg";

export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (
     user_id BIGINT PRIMARY KEY,
     language TEXT NOT NULL CHECK (language IN ('ar', 'en'))
   );
   CREATE TABLE queries (
     id TEXT PRIMARY KEY,
     text TEXT NOT NULL,
     used_at BIGINT NOT NULL
   );
   CREATE TABLE chats (
     chat_id BIGINT PRIMARY KEY,
     type TEXT NOT NULL,
     added_at BIGINT NOT NULL
   );
   CREATE TABLE subscriptions (
     chat_id BIGINT PRIMARY KEY,
     user_id BIGINT NOT NULL,
     minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1439),
     time_zone TEXT NOT NULL,
     topic TEXT,
     paused BOOLEAN NOT NULL DEFAULT false,
     notify_empty BOOLEAN NOT NULL DEFAULT false,
     language TEXT NOT NULL CHECK (language IN ('ar', 'en')),
     active BOOLEAN NOT NULL DEFAULT true,
     inactive_reason TEXT,
     updated_at BIGINT NOT NULL
   );
   CREATE INDEX subscriptions_due ON subscriptions (time_zone, active, paused, minutes);
   CREATE TABLE deliveries (
     chat_id BIGINT NOT NULL,
     local_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'pending', 'sent', 'skipped', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 1,
     owner TEXT,
     lease_until BIGINT,
     in_flight INTEGER,
     next_part INTEGER NOT NULL DEFAULT 0,
     parts INTEGER,
     article_ids TEXT[],
     ambiguous INTEGER NOT NULL DEFAULT 0,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (chat_id, local_date)
   );
   CREATE INDEX deliveries_live ON deliveries (status, lease_until);
   CREATE INDEX deliveries_updated ON deliveries (updated_at);
   CREATE TABLE received (
     chat_id BIGINT NOT NULL,
     article_id TEXT NOT NULL,
     PRIMARY KEY (chat_id, article_id)
   );
   CREATE TABLE articles (
     article_id TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     first_seen BIGINT NOT NULL
   );
   CREATE TABLE runs (id INTEGER PRIMARY KEY CHECK (id = 1), last_run BIGINT NOT NULL);
   CREATE TABLE state (key TEXT PRIMARY KEY, value JSONB NOT NULL);`,
];

/** Any constant shared by every mujaz instance: the advisory lock that serializes migrations. */
const MIGRATION_LOCK = 0x6d756a61;

export async function migratePostgres(pool: Pool, migrations: readonly string[] = PG_MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)");
    const current = Number((await client.query<{ version: number }>("SELECT version FROM schema_version WHERE id = 1")).rows[0]?.version ?? 0);
    if (current > migrations.length) {
      throw new Error(`store: the PostgreSQL database is at schema ${current}, newer than this build knows (${migrations.length}); upgrade mujaz`);
    }
    for (const sql of migrations.slice(current)) await client.query(sql);
    await client.query(
      "INSERT INTO schema_version (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version",
      [migrations.length],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
