/** The embedded store: one SQLite file in DATA_DIR, WAL mode, schema migrations applied at open. */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { normalize } from "../briefing/arabic.js";
import { openSqlite, transaction, type SqlDatabase } from "./sqlite.js";
import { DAY_DONE, type AmbiguousPolicy, type DeliveryClaim, type DigestStats, type Language, type StaleResolution, type Store, type Subscription } from "./store.js";

/** Each entry moves the schema one version up; never edit one that has shipped, add a new one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (
     user_id INTEGER PRIMARY KEY,
     language TEXT NOT NULL CHECK (language IN ('ar', 'en'))
   );
   CREATE TABLE queries (
     id TEXT PRIMARY KEY,
     text TEXT NOT NULL,
     used_at INTEGER NOT NULL
   );`,
  `CREATE TABLE chats (
     chat_id INTEGER PRIMARY KEY,
     type TEXT NOT NULL,
     added_at INTEGER NOT NULL
   );`,
  `CREATE TABLE subscriptions (
     chat_id INTEGER PRIMARY KEY,
     user_id INTEGER NOT NULL,
     minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1439),
     time_zone TEXT NOT NULL,
     topic TEXT,
     paused INTEGER NOT NULL DEFAULT 0,
     notify_empty INTEGER NOT NULL DEFAULT 0,
     language TEXT NOT NULL CHECK (language IN ('ar', 'en')),
     active INTEGER NOT NULL DEFAULT 1,
     inactive_reason TEXT,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX subscriptions_due ON subscriptions (time_zone, active, paused, minutes);
   CREATE TABLE deliveries (
     chat_id INTEGER NOT NULL,
     local_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'skipped', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 1,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (chat_id, local_date)
   );
   CREATE TABLE received (
     chat_id INTEGER NOT NULL,
     article_id TEXT NOT NULL,
     PRIMARY KEY (chat_id, article_id)
   );
   CREATE TABLE articles (
     article_id TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     first_seen INTEGER NOT NULL
   );
   CREATE TABLE runs (id INTEGER PRIMARY KEY CHECK (id = 1), last_run INTEGER NOT NULL);
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Deliveries as a state machine: an owner's lease, the part in flight, the first unconfirmed part and the plan.
  // A claim left 'sending' by the old schema has an unknown position: it resumes from its first part.
  `CREATE TABLE deliveries_v4 (
     chat_id INTEGER NOT NULL,
     local_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'pending', 'sent', 'skipped', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 1,
     owner TEXT,
     lease_until INTEGER,
     in_flight INTEGER,
     next_part INTEGER NOT NULL DEFAULT 0,
     parts INTEGER,
     article_ids TEXT,
     ambiguous INTEGER NOT NULL DEFAULT 0,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (chat_id, local_date)
   );
   INSERT INTO deliveries_v4 (chat_id, local_date, status, attempts, updated_at)
     SELECT chat_id, local_date, CASE status WHEN 'sending' THEN 'pending' ELSE status END, attempts, updated_at FROM deliveries;
   DROP TABLE deliveries;
   ALTER TABLE deliveries_v4 RENAME TO deliveries;
   CREATE INDEX deliveries_live ON deliveries (status, lease_until);`,
];

/** Why the store file cannot be used, told apart so start-up can say what to do; the file is left as it is. */
export class StoreUnavailable extends Error {
  readonly kind: "read-only" | "corrupt" | "newer" | "full" | "other";
  readonly code: string;

  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const code = sqliteCode(cause);
    const kind = /READONLY|EACCES|EPERM|EROFS|CANTOPEN/.test(code)
      ? "read-only"
      : /NOTADB|CORRUPT/.test(code)
        ? "corrupt"
        : /FULL|ENOSPC/.test(code)
          ? "full"
          : String(cause).includes("newer than this build")
            ? "newer"
            : "other";
    super(`store: cannot use ${file} (${kind}: ${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.kind = kind;
    this.code = code;
  }
}

/** SQLite's primary result codes by number (node:sqlite reports the number, better-sqlite3 the name). */
const SQLITE_CODES: Record<number, string> = { 8: "SQLITE_READONLY", 11: "SQLITE_CORRUPT", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 26: "SQLITE_NOTADB" };

/** The failure's code: SQLITE_… for either driver, or the file system's (EACCES, ENOSPC …). */
export function sqliteCode(err: unknown): string {
  const e = err as { code?: unknown; errcode?: unknown } | undefined;
  if (typeof e?.errcode === "number") return SQLITE_CODES[e.errcode & 0xff] ?? `SQLITE_ERROR_${e.errcode}`;
  return typeof e?.code === "string" ? e.code : "";
}

/**
 * A day's delivery that failed this many times is not tried again that day: enough that a Bot API failing one
 * call in six ambiguously (the digest chaos test) loses about one chat-day in 50,000, few enough that a chat
 * whose every send ends in a 5xx after Telegram stored it sees the digest at most this many times.
 */
export const MAX_ATTEMPTS = 6;

interface SubscriptionRow {
  chat_id: number;
  user_id: number;
  minutes: number;
  time_zone: string;
  topic: string | null;
  paused: number;
  notify_empty: number;
  language: Language;
  active: number;
}

function fromRow(r: SubscriptionRow): Subscription {
  return {
    chatId: Number(r.chat_id),
    userId: Number(r.user_id),
    minutes: Number(r.minutes),
    timeZone: r.time_zone,
    ...(r.topic ? { topic: r.topic } : {}),
    paused: Boolean(r.paused),
    notifyEmpty: Boolean(r.notify_empty),
    language: r.language,
    active: Boolean(r.active),
  };
}

/** Tables keyed by chat id, moved together when a group becomes a supergroup. */
const CHAT_TABLES = ["chats", "subscriptions", "deliveries", "received"];

/** Queries not used for this long are forgotten; their buttons then answer that the list has expired. */
const QUERY_TTL_MS = 30 * 24 * 3600 * 1000;

export class SqliteStore implements Store {
  readonly db: SqlDatabase;

  constructor(file: string, private readonly now: () => number = Date.now) {
    this.db = openSqlite(file);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
    migrate(this.db, MIGRATIONS);
    this.db.prepare("DELETE FROM queries WHERE used_at < ?").run(this.now() - QUERY_TTL_MS);
  }

  /** The store file inside a data folder, created if missing; a folder or file it cannot use is a StoreUnavailable. */
  static inDir(dataDir: string, now?: () => number): SqliteStore {
    const file = join(dataDir, "mujaz.sqlite");
    try {
      mkdirSync(dataDir, { recursive: true });
      return new SqliteStore(file, now);
    } catch (err) {
      throw new StoreUnavailable(file, err);
    }
  }

  async getLanguage(userId: number): Promise<Language | undefined> {
    const row = this.db.prepare("SELECT language FROM users WHERE user_id = ?").get(userId) as { language: Language } | undefined;
    return row?.language;
  }

  async setLanguage(userId: number, language: Language): Promise<void> {
    this.db
      .prepare("INSERT INTO users (user_id, language) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET language = excluded.language")
      .run(userId, language);
  }

  async saveQuery(text: string): Promise<string> {
    const id = queryId(text);
    this.db
      .prepare("INSERT INTO queries (id, text, used_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET used_at = excluded.used_at")
      .run(id, text, this.now());
    return id;
  }

  async getQuery(id: string): Promise<string | undefined> {
    const row = this.db.prepare("SELECT text FROM queries WHERE id = ?").get(id) as { text: string } | undefined;
    return row?.text;
  }

  async rememberChat(chatId: number, type: string): Promise<void> {
    this.db
      .prepare("INSERT INTO chats (chat_id, type, added_at) VALUES (?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET type = excluded.type")
      .run(chatId, type, this.now());
  }

  async forgetChat(chatId: number): Promise<void> {
    this.db.prepare("DELETE FROM chats WHERE chat_id = ?").run(chatId);
  }

  async migrateChat(fromChatId: number, toChatId: number): Promise<void> {
    transaction(this.db, () => {
      for (const table of CHAT_TABLES) this.db.prepare(`UPDATE OR REPLACE ${table} SET chat_id = ? WHERE chat_id = ?`).run(toChatId, fromChatId);
      this.db.prepare("UPDATE chats SET type = 'supergroup' WHERE chat_id = ?").run(toChatId);
    });
  }

  async groupCount(): Promise<number> {
    return (this.db.prepare("SELECT count(*) AS n FROM chats").get() as { n: number }).n;
  }

  async saveSubscription(s: Subscription): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO subscriptions (chat_id, user_id, minutes, time_zone, topic, paused, notify_empty, language, active, inactive_reason, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
         ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, minutes = excluded.minutes, time_zone = excluded.time_zone,
           topic = excluded.topic, paused = excluded.paused, notify_empty = excluded.notify_empty, language = excluded.language,
           active = excluded.active, inactive_reason = NULL, updated_at = excluded.updated_at`,
      )
      .run(s.chatId, s.userId, s.minutes, s.timeZone, s.topic ?? null, s.paused ? 1 : 0, s.notifyEmpty ? 1 : 0, s.language, s.active ? 1 : 0, this.now());
  }

  async getSubscription(chatId: number): Promise<Subscription | undefined> {
    const row = this.db.prepare("SELECT * FROM subscriptions WHERE chat_id = ?").get(chatId) as SubscriptionRow | undefined;
    return row && fromRow(row);
  }

  async deleteSubscription(chatId: number): Promise<boolean> {
    return Number(this.db.prepare("DELETE FROM subscriptions WHERE chat_id = ?").run(chatId).changes) > 0;
  }

  async setPaused(chatId: number, paused: boolean): Promise<void> {
    this.db.prepare("UPDATE subscriptions SET paused = ?, updated_at = ? WHERE chat_id = ?").run(paused ? 1 : 0, this.now(), chatId);
  }

  async setNotifyEmpty(chatId: number, notify: boolean): Promise<void> {
    this.db.prepare("UPDATE subscriptions SET notify_empty = ?, updated_at = ? WHERE chat_id = ?").run(notify ? 1 : 0, this.now(), chatId);
  }

  async deactivate(chatId: number, reason: string): Promise<void> {
    this.db.prepare("UPDATE subscriptions SET active = 0, inactive_reason = ?, updated_at = ? WHERE chat_id = ?").run(reason, this.now(), chatId);
  }

  async subscriptionZones(): Promise<string[]> {
    return (this.db.prepare("SELECT DISTINCT time_zone FROM subscriptions WHERE active = 1 AND paused = 0").all() as Array<{ time_zone: string }>).map(
      (r) => r.time_zone,
    );
  }

  async dueSubscriptions(timeZone: string, localDate: string, minutes: number): Promise<Subscription[]> {
    const rows = this.db
      .prepare(
        `SELECT s.* FROM subscriptions s
         WHERE s.time_zone = ? AND s.active = 1 AND s.paused = 0 AND s.minutes <= ?
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = s.chat_id AND d.local_date = ?
                           AND (d.status NOT IN ('failed', 'pending') OR (d.status = 'failed' AND d.attempts >= ?)))
         ORDER BY s.minutes, s.chat_id`,
      )
      .all(timeZone, minutes, localDate, MAX_ATTEMPTS) as SubscriptionRow[];
    return rows.map(fromRow);
  }

  async claimDelivery(chatId: number, localDate: string, owner: string, now: number, leaseUntil: number): Promise<DeliveryClaim | undefined> {
    const row = this.db
      .prepare(
        `INSERT INTO deliveries (chat_id, local_date, status, attempts, owner, lease_until, updated_at) VALUES (?, ?, 'claimed', 1, ?, ?, ?)
         ON CONFLICT (chat_id, local_date) DO UPDATE SET status = 'claimed', owner = excluded.owner, lease_until = excluded.lease_until,
           in_flight = NULL, attempts = attempts + (deliveries.status = 'failed'), updated_at = excluded.updated_at
         WHERE deliveries.status = 'pending' OR (deliveries.status = 'failed' AND deliveries.attempts < ?)
         RETURNING next_part, parts, article_ids`,
      )
      .get(chatId, localDate, owner, leaseUntil, now, MAX_ATTEMPTS) as { next_part: number; parts: number | null; article_ids: string | null } | undefined;
    if (!row) return undefined;
    return {
      chatId,
      localDate,
      nextPart: Number(row.next_part),
      ...(row.article_ids !== null ? { articleIds: JSON.parse(row.article_ids) as string[] } : {}),
      ...(row.parts !== null ? { parts: Number(row.parts) } : {}),
    };
  }

  async planDelivery(chatId: number, localDate: string, owner: string, articleIds: readonly string[], parts: number, now: number): Promise<boolean> {
    const r = this.db
      .prepare(
        `UPDATE deliveries SET article_ids = ?, parts = ?, updated_at = ?
         WHERE chat_id = ? AND local_date = ? AND owner = ? AND status = 'claimed'`,
      )
      .run(JSON.stringify(articleIds), parts, now, chatId, localDate, owner);
    return Number(r.changes) > 0;
  }

  async beginPart(chatId: number, localDate: string, owner: string, part: number, now: number): Promise<boolean> {
    const r = this.db
      .prepare(
        `UPDATE deliveries SET status = 'sending', in_flight = ?, updated_at = ?
         WHERE chat_id = ? AND local_date = ? AND owner = ? AND status = 'claimed' AND next_part = ?`,
      )
      .run(part, now, chatId, localDate, owner, part);
    return Number(r.changes) > 0;
  }

  async endPart(chatId: number, localDate: string, owner: string, part: number, now: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE deliveries SET status = 'claimed', in_flight = NULL, next_part = ? + 1, updated_at = ?
         WHERE chat_id = ? AND local_date = ? AND owner = ? AND status = 'sending' AND in_flight = ?`,
      )
      .run(part, now, chatId, localDate, owner, part);
  }

  async finishDelivery(
    chatId: number,
    localDate: string,
    owner: string,
    status: "sent" | "skipped" | "failed" | "pending",
    now: number,
    ambiguous?: { policy: AmbiguousPolicy },
  ): Promise<void> {
    transaction(this.db, () => {
      const row = this.db
        .prepare(
          `UPDATE deliveries SET status = ?, owner = NULL, lease_until = NULL, in_flight = NULL, updated_at = ?,
             next_part = CASE WHEN ? AND in_flight IS NOT NULL THEN in_flight + 1 ELSE next_part END,
             ambiguous = ambiguous + (? AND in_flight IS NOT NULL)
           WHERE chat_id = ? AND local_date = ? AND owner = ? AND status IN ('claimed', 'sending')
           RETURNING article_ids`,
        )
        .get(status, now, ambiguous?.policy === "at-most-once" ? 1 : 0, ambiguous ? 1 : 0, chatId, localDate, owner) as { article_ids: string | null } | undefined;
      if (row && status === "sent") this.recordReceived(chatId, row.article_ids);
    });
  }

  async renewLeases(owner: string, leaseUntil: number, now: number): Promise<void> {
    this.db
      .prepare("UPDATE deliveries SET lease_until = ?, updated_at = ? WHERE owner = ? AND status IN ('claimed', 'sending')")
      .run(leaseUntil, now, owner);
  }

  async resolveStale(now: number, policy: AmbiguousPolicy): Promise<StaleResolution> {
    return transaction(this.db, () => {
      const stale = this.db
        .prepare("SELECT chat_id, local_date, status, in_flight, next_part, parts, article_ids FROM deliveries WHERE status IN ('claimed', 'sending') AND lease_until < ?")
        .all(now) as Array<{ chat_id: number; local_date: string; status: string; in_flight: number | null; next_part: number; parts: number | null; article_ids: string | null }>;
      const result: StaleResolution = { resumed: 0, ambiguous: 0, completed: 0 };
      const update = this.db.prepare(
        `UPDATE deliveries SET status = ?, owner = NULL, lease_until = NULL, in_flight = NULL, next_part = ?, ambiguous = ambiguous + ?, updated_at = ?
         WHERE chat_id = ? AND local_date = ?`,
      );
      for (const r of stale) {
        const inFlight = r.status === "sending" && r.in_flight !== null;
        const next = inFlight && policy === "at-most-once" ? Number(r.in_flight) + 1 : Number(r.next_part);
        // Every part confirmed (or, at most once, assumed shown): only the record of it was missing.
        const done = r.parts !== null && next >= Number(r.parts);
        update.run(done ? "sent" : "pending", next, inFlight ? 1 : 0, now, r.chat_id, r.local_date);
        if (done) this.recordReceived(Number(r.chat_id), r.article_ids);
        if (inFlight) result.ambiguous++;
        if (done) result.completed++;
        else result.resumed++;
      }
      return result;
    });
  }

  private recordReceived(chatId: number, articleIds: string | null): void {
    const insert = this.db.prepare("INSERT OR IGNORE INTO received (chat_id, article_id) VALUES (?, ?)");
    for (const id of articleIds ? (JSON.parse(articleIds) as string[]) : []) insert.run(chatId, id);
  }

  async skipDay(chatId: number, localDate: string, now: number): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO deliveries (chat_id, local_date, status, attempts, updated_at) VALUES (?, ?, 'skipped', 0, ?)")
      .run(chatId, localDate, now);
  }

  async unskipDay(chatId: number, localDate: string): Promise<boolean> {
    // attempts = 0 only for a day skipDay wrote; a day the deliverer skipped (nothing new) stays as it is.
    this.db.prepare("DELETE FROM deliveries WHERE chat_id = ? AND local_date = ? AND status = 'skipped' AND attempts = 0").run(chatId, localDate);
    const row = this.db.prepare("SELECT status FROM deliveries WHERE chat_id = ? AND local_date = ?").get(chatId, localDate) as { status: string } | undefined;
    return row === undefined || !DAY_DONE.has(row.status);
  }

  async receivedArticles(chatId: number): Promise<Set<string>> {
    const rows = this.db.prepare("SELECT article_id FROM received WHERE chat_id = ?").all(chatId) as Array<{ article_id: string }>;
    return new Set(rows.map((r) => r.article_id));
  }

  async recordArticles(articles: ReadonlyArray<{ id: string; source: string }>, now: number): Promise<void> {
    transaction(this.db, () => {
      const insert = this.db.prepare("INSERT OR IGNORE INTO articles (article_id, source, first_seen) VALUES (?, ?, ?)");
      for (const a of articles) insert.run(a.id, a.source, now);
    });
  }

  async firstSeen(articleId: string): Promise<number | undefined> {
    const row = this.db.prepare("SELECT first_seen FROM articles WHERE article_id = ?").get(articleId) as { first_seen: number } | undefined;
    return row === undefined ? undefined : Number(row.first_seen);
  }

  async recordRun(now: number): Promise<void> {
    this.db.prepare("INSERT INTO runs (id, last_run) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last_run = excluded.last_run").run(now);
  }

  async digestStats(since: number): Promise<DigestStats> {
    const count = (sql: string, ...p: unknown[]) => Number((this.db.prepare(sql).get(...p) as { n: number }).n);
    const last = this.db.prepare("SELECT last_run FROM runs WHERE id = 1").get() as { last_run: number } | undefined;
    return {
      active: count("SELECT count(*) AS n FROM subscriptions WHERE active = 1 AND paused = 0"),
      paused: count("SELECT count(*) AS n FROM subscriptions WHERE active = 1 AND paused = 1"),
      inactive: count("SELECT count(*) AS n FROM subscriptions WHERE active = 0"),
      sentSince: count("SELECT count(*) AS n FROM deliveries WHERE status = 'sent' AND updated_at >= ?", since),
      ambiguousSince: count("SELECT coalesce(sum(ambiguous), 0) AS n FROM deliveries WHERE updated_at >= ?", since),
      ...(last ? { lastRun: Number(last.last_run) } : {}),
    };
  }

  async readState(key: string): Promise<unknown> {
    const row = this.db.prepare("SELECT value FROM state WHERE key = ?").get(key) as { value: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  async writeState(key: string, value: unknown): Promise<void> {
    this.db.prepare("INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, JSON.stringify(value));
  }

  async deleteState(key: string): Promise<void> {
    this.db.prepare("DELETE FROM state WHERE key = ?").run(key);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** A short id that fits callback data; the same (normalized) question always gets the same id. */
export function queryId(text: string): string {
  return createHash("sha256").update(normalize(text).trim()).digest("base64url").slice(0, 10);
}

export function migrate(db: SqlDatabase, migrations: readonly string[]): void {
  const { user_version: current } = db.prepare("PRAGMA user_version").get() as { user_version: number };
  if (current > migrations.length) {
    throw new Error(`store: the database is at schema ${current}, newer than this build knows (${migrations.length}); upgrade mujaz`);
  }
  migrations.slice(current).forEach((sql, i) => {
    transaction(db, () => {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${current + i + 1}`);
    });
  });
}
