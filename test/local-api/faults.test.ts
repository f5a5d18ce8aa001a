import { describe, expect, it } from "vitest";
import { FaultPlan } from "../../src/local-api/faults.js";

/** The longest run of failed calls per scope, over calls made in turn to the given scopes. */
function longestRuns(plan: FaultPlan, scopes: readonly string[], calls: number): Map<string, number> {
  const run = new Map<string, number>();
  const longest = new Map<string, number>();
  for (let i = 0; i < calls; i++) {
    const scope = scopes[i % scopes.length]!;
    const kind = plan.decide("sendMessage", scope, 0);
    const n = kind === undefined || kind === "slow" ? 0 : (run.get(scope) ?? 0) + 1;
    run.set(scope, n);
    longest.set(scope, Math.max(longest.get(scope) ?? 0, n));
  }
  return longest;
}

describe("fault mode", () => {
  const rates = { "server-error-before": 0.3, "reset-after": 0.3, slow: 0.2 };

  it("fails a chat many times in a row when no run limit is set", () => {
    const longest = longestRuns(new FaultPlan({ seed: 7, rates }), ["1", "2", "3"], 30_000);
    expect(Math.max(...longest.values())).toBeGreaterThan(8);
  });

  it("with maxRun, answers a chat's next call after that many failures in a row, and still fails often", () => {
    const plan = new FaultPlan({ seed: 7, rates, maxRun: 3 });
    const longest = longestRuns(plan, ["1", "2", "3"], 30_000);
    expect([...longest.values()]).toEqual([3, 3, 3]);
    expect(plan.injected["server-error-before"] + plan.injected["reset-after"]).toBeGreaterThan(30_000 * 0.5);
    expect(plan.injected.slow).toBeGreaterThan(30_000 * 0.1);
  });
});
