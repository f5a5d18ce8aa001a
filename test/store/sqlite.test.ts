/** The store behaviour suites against the SQLite store, each case on a fresh file. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { deliveryLogSuite } from "./delivery-log.suite.js";
import { rolesSuite } from "./roles.suite.js";

const fresh = async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), "mujaz-log-")), "mujaz.sqlite"));
deliveryLogSuite("sqlite", fresh);
rolesSuite("sqlite", fresh);
