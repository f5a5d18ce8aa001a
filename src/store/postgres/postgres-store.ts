/**
 * The server store: every role on PostgreSQL, for deployments where several processes share subscriptions and the
 * delivery log. Each write that moves a delivery is one statement (a data-modifying CTE where it also records the
 * articles received), so a claim, a part and a finish are atomic however many workers run at once.
 */
import pg from "pg";
import { MAX_ATTEMPTS, queryId } from "../sqlite-store.js";
import { DAY_DONE, type AmbiguousPolicy, type DeliveryClaim, type DigestStats, type Language, type StaleResolution, type Store, type Subscription } from "../store.js";
import { migratePostgres } from "./migrations.js";

interface SubscriptionRow {
  chat_id: string;
  user_id: string;
  minutes: number;
  time_zone: string;
  topic: string | null;
  paused: boolean;
  notify_empty: boolean;
  language: Language;
  active: boolean;
}

function fromRow(r: SubscriptionRow): Subscription {
  return {
    chatId: Number(r.chat_id),
    userId: Number(r.user_id),
    minutes: r.minutes,
    timeZone: r.time_zone,
    ...(r.topic ? { topic: r.topic } : {}),
    paused: r.paused,
    notifyEmpty: r.notify_empty,
    language: r.language,
    active: r.active,
  };
}

/** Tables keyed by chat id and the rest of their key, moved together when a group becomes a supergroup. */
const CHAT_TABLES: ReadonlyArray<[table: string, rest: string | undefined]> = [
  ["chats", undefined],
  ["subscriptions", undefined],
  ["deliveries", "local_date"],
  ["received", "article_id"],
];

/** Queries not used for this long are forgotten, as in the SQLite store. */
const QUERY_TTL_MS = 30 * 24 * 3600 * 1000;

export interface PostgresOptions {
  url: string;
  /** A schema of its own (created if missing), e.g. one per test; the default is the user's search path. */
  schema?: string;
  /** Connections per process. */
  max?: number;
  now?: () => number;
}

export class PostgresStore implements Store {
  private constructor(
    readonly pool: pg.Pool,
    private readonly now: () => number,
  ) {}

  /** Connect, apply the migrations this build knows, and forget stale queries. */
  static async open(o: PostgresOptions): Promise<PostgresStore> {
    if (o.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(o.schema)) throw new Error(`store: bad PostgreSQL schema name ${o.schema}`);
    if (o.schema) {
      const admin = new pg.Client({ connectionString: o.url });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${o.schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({ connectionString: o.url, max: o.max ?? 10, ...(o.schema ? { options: `-c search_path=${o.schema}` } : {}) });
    // An idle connection the server dropped must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    const store = new PostgresStore(pool, o.now ?? Date.now);
    try {
      await migratePostgres(pool);
      await pool.query("DELETE FROM queries WHERE used_at < $1", [store.now() - QUERY_TTL_MS]);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  private async one<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T | undefined> {
    return (await this.pool.query<T>(sql, params)).rows[0];
  }

  private async changed(sql: string, params: unknown[]): Promise<boolean> {
    return ((await this.pool.query(sql, params)).rowCount ?? 0) > 0;
  }

  async getLanguage(userId: number): Promise<Language | undefined> {
    return (await this.one<{ language: Language }>("SELECT language FROM users WHERE user_id = $1", [userId]))?.language;
  }

  async setLanguage(userId: number, language: Language): Promise<void> {
    await this.pool.query("INSERT INTO users (user_id, language) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET language = excluded.language", [userId, language]);
  }

  async saveQuery(text: string): Promise<string> {
    const id = queryId(text);
    await this.pool.query("INSERT INTO queries (id, text, used_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET used_at = excluded.used_at", [id, text, this.now()]);
    return id;
  }

  async getQuery(id: string): Promise<string | undefined> {
    return (await this.one<{ text: string }>("SELECT text FROM queries WHERE id = $1", [id]))?.text;
  }

  async rememberChat(chatId: number, type: string): Promise<void> {
    await this.pool.query("INSERT INTO chats (chat_id, type, added_at) VALUES ($1, $2, $3) ON CONFLICT (chat_id) DO UPDATE SET type = excluded.type", [chatId, type, this.now()]);
  }

  async forgetChat(chatId: number): Promise<void> {
    await this.pool.query("DELETE FROM chats WHERE chat_id = $1", [chatId]);
  }

  async migrateChat(fromChatId: number, toChatId: number): Promise<void> {
    await this.transaction(async (c) => {
      for (const [table, rest] of CHAT_TABLES) {
        // What the new id already holds under the same key is replaced, as SQLite's UPDATE OR REPLACE does.
        const clash = rest ? `AND ${rest} IN (SELECT ${rest} FROM ${table} WHERE chat_id = $2)` : `AND EXISTS (SELECT 1 FROM ${table} WHERE chat_id = $2)`;
        await c.query(`DELETE FROM ${table} WHERE chat_id = $1 ${clash}`, [toChatId, fromChatId]);
        await c.query(`UPDATE ${table} SET chat_id = $1 WHERE chat_id = $2`, [toChatId, fromChatId]);
      }
      await c.query("UPDATE chats SET type = 'supergroup' WHERE chat_id = $1", [toChatId]);
    });
  }

  async groupCount(): Promise<number> {
    return Number((await this.one<{ n: string }>("SELECT count(*) AS n FROM chats", []))!.n);
  }

  async saveSubscription(s: Subscription): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscriptions (chat_id, user_id, minutes, time_zone, topic, paused, notify_empty, language, active, inactive_reason, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10)
       ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, minutes = excluded.minutes, time_zone = excluded.time_zone,
         topic = excluded.topic, paused = excluded.paused, notify_empty = excluded.notify_empty, language = excluded.language,
         active = excluded.active, inactive_reason = NULL, updated_at = excluded.updated_at`,
      [s.chatId, s.userId, s.minutes, s.timeZone, s.topic ?? null, s.paused, s.notifyEmpty, s.language, s.active, this.now()],
    );
  }

  async getSubscription(chatId: number): Promise<Subscription | undefined> {
    const row = await this.one<SubscriptionRow>("SELECT * FROM subscriptions WHERE chat_id = $1", [chatId]);
    return row && fromRow(row);
  }

  async deleteSubscription(chatId: number): Promise<boolean> {
    return this.changed("DELETE FROM subscriptions WHERE chat_id = $1", [chatId]);
  }

  async setPaused(chatId: number, paused: boolean): Promise<void> {
    await this.pool.query("UPDATE subscriptions SET paused = $1, updated_at = $2 WHERE chat_id = $3", [paused, this.now(), chatId]);
  }

  async setNotifyEmpty(chatId: number, notify: boolean): Promise<void> {
    await this.pool.query("UPDATE subscriptions SET notify_empty = $1, updated_at = $2 WHERE chat_id = $3", [notify, this.now(), chatId]);
  }

  async deactivate(chatId: number, reason: string): Promise<void> {
    await this.pool.query("UPDATE subscriptions SET active = false, inactive_reason = $1, updated_at = $2 WHERE chat_id = $3", [reason, this.now(), chatId]);
  }

  async subscriptionZones(): Promise<string[]> {
    const { rows } = await this.pool.query<{ time_zone: string }>("SELECT DISTINCT time_zone FROM subscriptions WHERE active AND NOT paused");
    return rows.map((r) => r.time_zone);
  }

  async dueSubscriptions(timeZone: string, localDate: string, minutes: number): Promise<Subscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT s.* FROM subscriptions s
       WHERE s.time_zone = $1 AND s.active AND NOT s.paused AND s.minutes <= $2
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = s.chat_id AND d.local_date = $3
                         AND (d.status NOT IN ('failed', 'pending') OR (d.status = 'failed' AND d.attempts >= $4)))
       ORDER BY s.minutes, s.chat_id`,
      [timeZone, minutes, localDate, MAX_ATTEMPTS],
    );
    return rows.map(fromRow);
  }

  async claimDelivery(chatId: number, localDate: string, owner: string, now: number, leaseUntil: number): Promise<DeliveryClaim | undefined> {
    // One statement: PostgreSQL locks the conflicting row and re-checks the WHERE, so of many workers exactly one wins.
    const row = await this.one<{ next_part: number; parts: number | null; article_ids: string[] | null }>(
      `INSERT INTO deliveries (chat_id, local_date, status, attempts, owner, lease_until, updated_at) VALUES ($1, $2, 'claimed', 1, $3, $4, $5)
       ON CONFLICT (chat_id, local_date) DO UPDATE SET status = 'claimed', owner = excluded.owner, lease_until = excluded.lease_until,
         in_flight = NULL, attempts = deliveries.attempts + CASE WHEN deliveries.status = 'failed' THEN 1 ELSE 0 END, updated_at = excluded.updated_at
       WHERE deliveries.status = 'pending' OR (deliveries.status = 'failed' AND deliveries.attempts < $6)
       RETURNING next_part, parts, article_ids`,
      [chatId, localDate, owner, leaseUntil, now, MAX_ATTEMPTS],
    );
    if (!row) return undefined;
    return {
      chatId,
      localDate,
      nextPart: row.next_part,
      ...(row.article_ids !== null ? { articleIds: row.article_ids } : {}),
      ...(row.parts !== null ? { parts: row.parts } : {}),
    };
  }

  async planDelivery(chatId: number, localDate: string, owner: string, articleIds: readonly string[], parts: number, now: number): Promise<boolean> {
    return this.changed(
      `UPDATE deliveries SET article_ids = $1, parts = $2, updated_at = $3
       WHERE chat_id = $4 AND local_date = $5 AND owner = $6 AND status = 'claimed'`,
      [articleIds, parts, now, chatId, localDate, owner],
    );
  }

  async beginPart(chatId: number, localDate: string, owner: string, part: number, now: number): Promise<boolean> {
    return this.changed(
      `UPDATE deliveries SET status = 'sending', in_flight = $1, updated_at = $2
       WHERE chat_id = $3 AND local_date = $4 AND owner = $5 AND status = 'claimed' AND next_part = $1`,
      [part, now, chatId, localDate, owner],
    );
  }

  async endPart(chatId: number, localDate: string, owner: string, part: number, now: number): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET status = 'claimed', in_flight = NULL, next_part = $1 + 1, updated_at = $2
       WHERE chat_id = $3 AND local_date = $4 AND owner = $5 AND status = 'sending' AND in_flight = $1`,
      [part, now, chatId, localDate, owner],
    );
  }

  async finishDelivery(
    chatId: number,
    localDate: string,
    owner: string,
    status: "sent" | "skipped" | "failed" | "pending",
    now: number,
    ambiguous?: { policy: AmbiguousPolicy },
  ): Promise<void> {
    await this.pool.query(
      `WITH done AS (
         UPDATE deliveries SET status = $1, owner = NULL, lease_until = NULL, in_flight = NULL, updated_at = $2,
           next_part = CASE WHEN $3 AND in_flight IS NOT NULL THEN in_flight + 1 ELSE next_part END,
           ambiguous = ambiguous + CASE WHEN $4 AND in_flight IS NOT NULL THEN 1 ELSE 0 END
         WHERE chat_id = $5 AND local_date = $6 AND owner = $7 AND status IN ('claimed', 'sending')
         RETURNING chat_id, status, article_ids)
       INSERT INTO received (chat_id, article_id)
         SELECT chat_id, unnest(article_ids) FROM done WHERE status = 'sent' AND article_ids IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [status, now, ambiguous?.policy === "at-most-once", ambiguous !== undefined, chatId, localDate, owner],
    );
  }

  async renewLeases(owner: string, leaseUntil: number, now: number): Promise<void> {
    await this.pool.query("UPDATE deliveries SET lease_until = $1, updated_at = $2 WHERE owner = $3 AND status IN ('claimed', 'sending')", [leaseUntil, now, owner]);
  }

  async resolveStale(now: number, policy: AmbiguousPolicy): Promise<StaleResolution> {
    // Rows another resolver holds are skipped (it resolves them); a lease renewed meanwhile is re-checked under the lock.
    const { rows } = await this.pool.query<{ status: string; in_flight: boolean }>(
      `WITH stale AS (
         SELECT chat_id, local_date, parts,
                (status = 'sending' AND in_flight IS NOT NULL) AS in_flight,
                CASE WHEN status = 'sending' AND in_flight IS NOT NULL AND $2 THEN in_flight + 1 ELSE next_part END AS next
         FROM deliveries WHERE status IN ('claimed', 'sending') AND lease_until < $1
         FOR UPDATE SKIP LOCKED),
       resolved AS (
         UPDATE deliveries d SET status = CASE WHEN s.parts IS NOT NULL AND s.next >= s.parts THEN 'sent' ELSE 'pending' END,
           owner = NULL, lease_until = NULL, in_flight = NULL, next_part = s.next,
           ambiguous = d.ambiguous + CASE WHEN s.in_flight THEN 1 ELSE 0 END, updated_at = $1
         FROM stale s WHERE d.chat_id = s.chat_id AND d.local_date = s.local_date
         RETURNING d.chat_id, d.status, d.article_ids, s.in_flight),
       received_now AS (
         INSERT INTO received (chat_id, article_id)
           SELECT chat_id, unnest(article_ids) FROM resolved WHERE status = 'sent' AND article_ids IS NOT NULL
         ON CONFLICT DO NOTHING)
       SELECT status, in_flight FROM resolved`,
      [now, policy === "at-most-once"],
    );
    const result: StaleResolution = { resumed: 0, ambiguous: 0, completed: 0 };
    for (const r of rows) {
      if (r.in_flight) result.ambiguous++;
      if (r.status === "sent") result.completed++;
      else result.resumed++;
    }
    return result;
  }

  async skipDay(chatId: number, localDate: string, now: number): Promise<void> {
    await this.pool.query(
      "INSERT INTO deliveries (chat_id, local_date, status, attempts, updated_at) VALUES ($1, $2, 'skipped', 0, $3) ON CONFLICT DO NOTHING",
      [chatId, localDate, now],
    );
  }

  async unskipDay(chatId: number, localDate: string): Promise<boolean> {
    // attempts = 0 only for a day skipDay wrote; a day the deliverer skipped (nothing new) stays as it is.
    await this.pool.query("DELETE FROM deliveries WHERE chat_id = $1 AND local_date = $2 AND status = 'skipped' AND attempts = 0", [chatId, localDate]);
    const row = await this.one<{ status: string }>("SELECT status FROM deliveries WHERE chat_id = $1 AND local_date = $2", [chatId, localDate]);
    return row === undefined || !DAY_DONE.has(row.status);
  }

  async receivedArticles(chatId: number): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ article_id: string }>("SELECT article_id FROM received WHERE chat_id = $1", [chatId]);
    return new Set(rows.map((r) => r.article_id));
  }

  async recordArticles(articles: ReadonlyArray<{ id: string; source: string }>, now: number): Promise<void> {
    await this.pool.query(
      "INSERT INTO articles (article_id, source, first_seen) SELECT unnest($1::text[]), unnest($2::text[]), $3 ON CONFLICT DO NOTHING",
      [articles.map((a) => a.id), articles.map((a) => a.source), now],
    );
  }

  async firstSeen(articleId: string): Promise<number | undefined> {
    const row = await this.one<{ first_seen: string }>("SELECT first_seen FROM articles WHERE article_id = $1", [articleId]);
    return row === undefined ? undefined : Number(row.first_seen);
  }

  async recordRun(now: number): Promise<void> {
    await this.pool.query("INSERT INTO runs (id, last_run) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET last_run = excluded.last_run", [now]);
  }

  async digestStats(since: number): Promise<DigestStats> {
    const row = (await this.one<Record<string, string | null>>(
      `SELECT
         (SELECT count(*) FROM subscriptions WHERE active AND NOT paused) AS active,
         (SELECT count(*) FROM subscriptions WHERE active AND paused) AS paused,
         (SELECT count(*) FROM subscriptions WHERE NOT active) AS inactive,
         (SELECT count(*) FROM deliveries WHERE status = 'sent' AND updated_at >= $1) AS sent,
         (SELECT coalesce(sum(ambiguous), 0) FROM deliveries WHERE updated_at >= $1) AS ambiguous,
         (SELECT last_run FROM runs WHERE id = 1) AS last_run`,
      [since],
    ))!;
    return {
      active: Number(row.active),
      paused: Number(row.paused),
      inactive: Number(row.inactive),
      sentSince: Number(row.sent),
      ambiguousSince: Number(row.ambiguous),
      ...(row.last_run !== null ? { lastRun: Number(row.last_run) } : {}),
    };
  }

  async readState(key: string): Promise<unknown> {
    return (await this.one<{ value: unknown }>("SELECT value FROM state WHERE key = $1", [key]))?.value;
  }

  async writeState(key: string, value: unknown): Promise<void> {
    await this.pool.query("INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, JSON.stringify(value)]);
  }

  async deleteState(key: string): Promise<void> {
    await this.pool.query("DELETE FROM state WHERE key = $1", [key]);
  }

  /** Whether the database answers (the web role's readiness). */
  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query("BEGIN");
      const result = await fn(c);
      await c.query("COMMIT");
      return result;
    } catch (err) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
}
