import { configDefaults, defineConfig } from "vitest/config";

// Tests on real PostgreSQL and Redis run after the others, not beside them: on a 2-core machine their fan-out of
// thousands of digests took the CPU that the timed chaos tests (test/chaos/) need to finish within the timeout.
const REAL_SERVERS = ["test/store/postgres.test.ts", "test/e2e/instances.test.ts", "test/e2e/workers.test.ts", "test/digest/queue.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["test/support/fast-check.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...REAL_SERVERS], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "servers", include: REAL_SERVERS, sequence: { groupOrder: 1 } } },
    ],
  },
});
