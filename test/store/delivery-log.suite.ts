/**
 * What every DeliveryLog backend must do, whatever it stores in: run by each backend's test with a factory that
 * opens a fresh store (and, given the same `name`, the same one again, as a restarted process would).
 */
import { describe, expect, it } from "vitest";
import type { DeliveryLog, SubscriptionStore } from "../../src/store/store.js";

export type DeliveryStoreFactory = () => Promise<DeliveryLog & SubscriptionStore>;

const DAY = "2026-01-15";
const T = 1_700_000_000_000;

export function deliveryLogSuite(name: string, open: DeliveryStoreFactory): void {
  describe(`${name}: the delivery state machine`, () => {
    it("a claim under a live lease is not taken twice; a finished day is never claimed again", async () => {
      const s = await open();
      expect(await s.claimDelivery(1, DAY, "a", T, T + 60_000)).toEqual({ chatId: 1, localDate: DAY, nextPart: 0 });
      expect(await s.claimDelivery(1, DAY, "b", T + 1, T + 60_001)).toBeUndefined();
      await s.finishDelivery(1, DAY, "a", "sent", T + 2);
      expect(await s.resolveStale(T + 120_000, "at-least-once")).toEqual({ resumed: 0, ambiguous: 0, completed: 0 });
      expect(await s.claimDelivery(1, DAY, "b", T + 120_000, T + 180_000)).toBeUndefined();
    });

    it("a dead owner's claim resumes from its first unconfirmed part with the same plan", async () => {
      const s = await open();
      await s.claimDelivery(2, DAY, "a", T, T + 60_000);
      expect(await s.planDelivery(2, DAY, "a", ["x", "y"], 3, T)).toBe(true);
      expect(await s.beginPart(2, DAY, "a", 0, T)).toBe(true);
      await s.endPart(2, DAY, "a", 0, T);
      expect(await s.resolveStale(T + 61_000, "at-least-once")).toEqual({ resumed: 1, ambiguous: 0, completed: 0 });
      expect(await s.claimDelivery(2, DAY, "b", T + 61_000, T + 120_000)).toEqual({ chatId: 2, localDate: DAY, nextPart: 1, articleIds: ["x", "y"], parts: 3 });
      // The old owner can no longer write.
      expect(await s.beginPart(2, DAY, "a", 1, T + 61_001)).toBe(false);
    });

    it("a part in flight at the death is sent again at least once, or counted as shown at most once; both are counted", async () => {
      for (const [policy, next] of [["at-least-once", 1], ["at-most-once", 2]] as const) {
        const s = await open();
        await s.claimDelivery(3, DAY, "a", T, T + 60_000);
        await s.planDelivery(3, DAY, "a", ["x"], 4, T);
        for (const k of [0]) {
          await s.beginPart(3, DAY, "a", k, T);
          await s.endPart(3, DAY, "a", k, T);
        }
        await s.beginPart(3, DAY, "a", 1, T);
        expect(await s.resolveStale(T + 61_000, policy)).toEqual({ resumed: 1, ambiguous: 1, completed: 0 });
        expect((await s.claimDelivery(3, DAY, "b", T + 61_000, T + 120_000))?.nextPart).toBe(next);
        expect((await s.digestStats(0)).ambiguousSince).toBe(1);
      }
    });

    it("delivered but not marked: a stale claim with every part confirmed is recorded as sent, its articles received", async () => {
      const s = await open();
      await s.claimDelivery(4, DAY, "a", T, T + 60_000);
      await s.planDelivery(4, DAY, "a", ["x", "y"], 1, T);
      await s.beginPart(4, DAY, "a", 0, T);
      await s.endPart(4, DAY, "a", 0, T);
      expect(await s.resolveStale(T + 61_000, "at-least-once")).toEqual({ resumed: 0, ambiguous: 0, completed: 1 });
      expect([...(await s.receivedArticles(4))].sort()).toEqual(["x", "y"]);
      expect(await s.claimDelivery(4, DAY, "b", T + 61_000, T + 120_000)).toBeUndefined();
    });

    it("a failed attempt keeps the parts already confirmed (a 429 on part 2 never resends part 1)", async () => {
      const s = await open();
      await s.claimDelivery(5, DAY, "a", T, T + 60_000);
      await s.planDelivery(5, DAY, "a", ["x"], 7, T);
      await s.beginPart(5, DAY, "a", 0, T);
      await s.endPart(5, DAY, "a", 0, T);
      await s.beginPart(5, DAY, "a", 1, T);
      await s.finishDelivery(5, DAY, "a", "failed", T);
      expect((await s.claimDelivery(5, DAY, "a", T + 1, T + 60_000))?.nextPart).toBe(1);
    });

    it("an attempt put back as pending resumes where it stopped without using up an attempt", async () => {
      const s = await open();
      for (let i = 0; i < 10; i++) {
        const claim = await s.claimDelivery(7, DAY, "a", T + i, T + i + 60_000);
        expect(claim?.nextPart).toBe(i === 0 ? 0 : 1);
        if (i === 0) {
          await s.planDelivery(7, DAY, "a", ["x"], 2, T);
          await s.beginPart(7, DAY, "a", 0, T);
          await s.endPart(7, DAY, "a", 0, T);
        }
        await s.beginPart(7, DAY, "a", 1, T + i);
        await s.finishDelivery(7, DAY, "a", "pending", T + i);
      }
      expect(await s.claimDelivery(7, DAY, "a", T + 20, T + 60_000)).toMatchObject({ nextPart: 1, articleIds: ["x"], parts: 2 });
    });

    it("renewed leases stay live", async () => {
      const s = await open();
      await s.claimDelivery(6, DAY, "a", T, T + 60_000);
      await s.renewLeases("a", T + 200_000, T + 50_000);
      expect(await s.resolveStale(T + 100_000, "at-least-once")).toEqual({ resumed: 0, ambiguous: 0, completed: 0 });
    });
  });
}
