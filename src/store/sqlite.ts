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
  const builtin = quietly(() => process.getBuiltinModule?.("node:sqlite") as NodeSqlite | undefined);
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

/**
 * Loads node:sqlite without its "experimental feature" warning: it is stable in use, and a start-up that fails
 * must print one line a person can act on, not the warning before it.
 */
function quietly<T>(load: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return load();
  } finally {
    process.emitWarning = emit;
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
