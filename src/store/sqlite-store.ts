/** The embedded store: one SQLite file in DATA_DIR, WAL mode, schema migrations applied at open. */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { normalize } from "../briefing/arabic.js";
import { openSqlite, transaction, type SqlDatabase } from "./sqlite.js";
import type { Language, Store } from "./store.js";

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
];

/** Tables keyed by chat id, moved together when a group becomes a supergroup. */
const CHAT_TABLES = ["chats"];

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

  /** The store file inside a data folder, created if missing. */
  static inDir(dataDir: string, now?: () => number): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteStore(join(dataDir, "mujaz.sqlite"), now);
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
