/** The delivery-log behaviour suite against the SQLite store, each case on a fresh file. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { deliveryLogSuite } from "./delivery-log.suite.js";

deliveryLogSuite("sqlite", async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), "mujaz-log-")), "mujaz.sqlite")));
