/**
 * A small synchronous SQLite handle: Node's built-in `node:sqlite` where the runtime has it (Node 22.5+), else
 * better-sqlite3 (built from source on Node 20). Both speak the same three calls used here.
 */
import { createRequire } from "node:module";

export interface Statement {
  run(...params: unknown[]): { changes: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqlDatabase {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  close(): void;
}

interface NodeSqlite {
  DatabaseSync: new (path: string) => SqlDatabase;
}

export function openSqlite(path: string): SqlDatabase {
  return preparedOnce(openDriver(path));
}

/** Statements are compiled once per SQL text and reused: the store asks for the same few on every update. */
function preparedOnce(db: SqlDatabase): SqlDatabase {
  const prepared = new Map<string, Statement>();
  return {
    exec: (sql) => db.exec(sql),
    prepare: (sql) => {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      return statement;
    },
    close: () => {
      prepared.clear();
      db.close();
    },
  };
}

function openDriver(path: string): SqlDatabase {
  const builtin = process.getBuiltinModule?.("node:sqlite") as NodeSqlite | undefined;
  if (builtin) return new builtin.DatabaseSync(path);
  const require = createRequire(import.meta.url);
  try {
    const Database = require("better-sqlite3") as new (path: string) => SqlDatabase;
    return new Database(path);
  } catch (err) {
    throw new Error(
      `store: no SQLite driver. This Node.js has no node:sqlite, and better-sqlite3 could not be loaded (${String(err)}). ` +
        "Run `npm ci` with python3, make and g++ available so better-sqlite3 can build, or use Node.js 22.5+.",
    );
  }
}

/** Run fn inside one transaction; rolled back if it throws. */
export function transaction<T>(db: SqlDatabase, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (err) {
    db.exec("ROLLBACK");
    throw err;
  }
}
