/**
 * What every backend of the other roles must do (subscriptions, chats, languages, queries, conversation state),
 * run by each backend's test with a factory that opens a fresh store.
 */
import { describe, expect, it } from "vitest";
import type { Store, Subscription } from "../../src/store/store.js";

export type StoreFactory = () => Promise<Store>;

const DAY = "2026-01-15";
const T = 1_700_000_000_000;
const sub = (chatId: number, minutes: number, extra: Partial<Subscription> = {}): Subscription => ({
  chatId,
  userId: 7,
  minutes,
  timeZone: "Africa/Cairo",
  paused: false,
  notifyEmpty: false,
  language: "ar",
  active: true,
  ...extra,
});

export function rolesSuite(name: string, open: StoreFactory): void {
  describe(`${name}: subscriptions, chats, languages, queries and state`, () => {
    it("due subscribers: active, unpaused, time come, not served that day; a failed day is retried, a sent one is not", async () => {
      const s = await open();
      await s.saveSubscription(sub(1, 480));
      await s.saveSubscription(sub(2, 600));
      await s.saveSubscription(sub(3, 480, { paused: true }));
      await s.saveSubscription(sub(-1001234567890, 420, { topic: "الطاقة", notifyEmpty: true }));
      await s.saveSubscription(sub(5, 400, { timeZone: "Asia/Riyadh" }));
      await s.deactivate(5, "blocked");
      expect(await s.subscriptionZones()).toEqual(["Africa/Cairo"]);
      expect((await s.dueSubscriptions("Africa/Cairo", DAY, 500)).map((x) => x.chatId)).toEqual([-1001234567890, 1]);
      expect(await s.getSubscription(-1001234567890)).toEqual(sub(-1001234567890, 420, { topic: "الطاقة", notifyEmpty: true }));
      await s.claimDelivery(1, DAY, "a", T, T + 60_000);
      await s.finishDelivery(1, DAY, "a", "sent", T);
      await s.claimDelivery(-1001234567890, DAY, "a", T, T + 60_000);
      await s.finishDelivery(-1001234567890, DAY, "a", "failed", T);
      expect((await s.dueSubscriptions("Africa/Cairo", DAY, 700)).map((x) => x.chatId)).toEqual([-1001234567890, 2]);
      await s.setPaused(2, true);
      await s.skipDay(-1001234567890, "2026-01-16", T);
      expect((await s.dueSubscriptions("Africa/Cairo", "2026-01-16", 700)).map((x) => x.chatId)).toEqual([1]);
      expect(await s.deleteSubscription(1)).toBe(true);
      expect(await s.deleteSubscription(1)).toBe(false);
      const stats = await s.digestStats(0);
      expect([stats.active, stats.paused, stats.inactive, stats.sentSince]).toEqual([1, 2, 1, 1]);
    });

    it("undoing a skipped day says whether the day is still to be delivered", async () => {
      const s = await open();
      await s.skipDay(7, DAY, T);
      expect(await s.unskipDay(7, DAY)).toBe(true);
      expect(await s.unskipDay(8, DAY)).toBe(true);
      await s.claimDelivery(9, DAY, "a", T, T + 60_000);
      await s.finishDelivery(9, DAY, "a", "sent", T);
      expect(await s.unskipDay(9, DAY)).toBe(false);
    });

    it("a group that becomes a supergroup keeps its subscription, deliveries and received articles", async () => {
      const s = await open();
      await s.rememberChat(-42, "group");
      await s.saveSubscription(sub(-42, 480));
      await s.claimDelivery(-42, DAY, "a", T, T + 60_000);
      await s.planDelivery(-42, DAY, "a", ["x"], 1, T);
      await s.finishDelivery(-42, DAY, "a", "sent", T);
      await s.migrateChat(-42, -10042);
      expect(await s.getSubscription(-42)).toBeUndefined();
      expect((await s.getSubscription(-10042))?.minutes).toBe(480);
      expect([...(await s.receivedArticles(-10042))]).toEqual(["x"]);
      expect(await s.claimDelivery(-10042, DAY, "b", T, T + 60_000)).toBeUndefined();
      expect(await s.groupCount()).toBe(1);
      await s.forgetChat(-10042);
      expect(await s.groupCount()).toBe(0);
    });

    it("languages, stored queries (same text, same id) and conversation state", async () => {
      const s = await open();
      expect(await s.getLanguage(9)).toBeUndefined();
      await s.setLanguage(9, "en");
      await s.setLanguage(9, "ar");
      expect(await s.getLanguage(9)).toBe("ar");
      const id = await s.saveQuery("ما حجم التبادل التجاري؟");
      expect(await s.saveQuery("ما حجم التبادل التجاري؟")).toBe(id);
      expect(await s.getQuery(id)).toBe("ما حجم التبادل التجاري؟");
      expect(await s.getQuery("nope")).toBeUndefined();
      await s.writeState("conversation:1:2", { version: [1, 0], state: { step: "zone" } });
      expect(await s.readState("conversation:1:2")).toEqual({ version: [1, 0], state: { step: "zone" } });
      await s.deleteState("conversation:1:2");
      expect(await s.readState("conversation:1:2")).toBeUndefined();
      await s.recordArticles([{ id: "a1", source: "s1" }], T);
      await s.recordArticles([{ id: "a1", source: "s1" }, { id: "a2", source: "s2" }], T + 5);
      expect([await s.firstSeen("a1"), await s.firstSeen("a2"), await s.firstSeen("a3")]).toEqual([T, T + 5, undefined]);
    });
  });
}
