/**
 * The daily fan-out: who is due in each zone, claim the day's delivery in the store, build and send the digest,
 * record it. A claim is taken before sending, so a crash or restart never sends a subscriber's day twice; whoever
 * was not reached is sent to on the next tick. 429s wait (auto-retry), 403 deactivates, other errors are logged
 * with the chat id and retried on a later tick, up to three times a day.
 */
import { GrammyError, type Api } from "grammy";
import type { Briefing } from "../briefing/briefing.js";
import type { Logger } from "../logger.js";
import type { Clock } from "../clock.js";
import type { Language, Stores, Subscription } from "../store/store.js";
import { renderDigest } from "../render/digest.js";
import type { View } from "../render/view.js";
import type { Rendered } from "../render/answer.js";
import { digestFor } from "../briefing/digest.js";
import { localTime } from "./schedule.js";
import { Throttle } from "./throttle.js";

export interface DelivererOptions {
  api: Api;
  stores: Stores;
  clock: Clock;
  briefing: Briefing;
  logger: Logger;
  view: (language: Language) => View;
  /** Messages per second across all chats (Telegram allows about 30). */
  perSecond?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
  /** Wait between the parts of one digest in one chat (Telegram allows about one message a second per chat). */
  perChatGapMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface TickResult {
  due: number;
  sent: number;
  skipped: number;
  failed: number;
  deactivated: number;
}

type Outcome = "sent" | "skipped" | "failed" | "deactivated" | "taken";

export class DigestDeliverer {
  private readonly throttle: Throttle;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: DelivererOptions) {
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.throttle = new Throttle(o.perSecond ?? 25, undefined, this.sleep);
  }

  /** Deliver to everyone due at `now` (late ones too, while it is still their local day). */
  async tick(now: Date): Promise<TickResult> {
    const due: Array<{ sub: Subscription; date: string }> = [];
    for (const zone of await this.o.stores.subscriptions.subscriptionZones()) {
      const local = localTime(now, zone);
      for (const sub of await this.o.stores.subscriptions.dueSubscriptions(zone, local.date, local.minutes)) due.push({ sub, date: local.date });
    }
    const result: TickResult = { due: due.length, sent: 0, skipped: 0, failed: 0, deactivated: 0 };
    // Subscribers due together mostly get the same digest (same articles, topic, language, date): render it once.
    const rendered = new Map<string, Rendered[]>();
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const item = due[next++]!;
        const outcome = await this.deliver(item.sub, item.date, now, rendered);
        if (outcome !== "taken") result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency ?? 20, due.length) }, worker));
    await this.o.stores.deliveries.recordRun(now.getTime());
    if (due.length > 0) this.o.logger.info({ ...result }, "digest: run finished");
    return result;
  }

  private async deliver(sub: Subscription, date: string, now: Date, rendered: Map<string, Rendered[]>): Promise<Outcome> {
    const { stores, briefing, api, logger, clock } = this.o;
    if (!(await stores.deliveries.claimDelivery(sub.chatId, date, now.getTime()))) return "taken";
    try {
      const items = digestFor(briefing, await stores.deliveries.receivedArticles(sub.chatId), sub.topic);
      if (items.length === 0 && !sub.notifyEmpty) {
        await stores.deliveries.finishDelivery(sub.chatId, date, "skipped", [], clock.now());
        return "skipped";
      }
      const language = (await stores.languages.getLanguage(sub.userId)) ?? sub.language;
      const key = [language, date, sub.topic ?? "", ...items.map((i) => i.article.id)].join("\u0000");
      let parts = rendered.get(key);
      if (!parts) {
        parts = renderDigest(items, this.o.view(language), { date, ...(sub.topic ? { topic: sub.topic } : {}), preview: false });
        rendered.set(key, parts);
      }
      for (const [i, part] of parts.entries()) {
        if (i > 0) await this.sleep(this.o.perChatGapMs ?? 1100);
        await this.throttle.take();
        await api.sendMessage(sub.chatId, part.text, { reply_markup: part.keyboard });
      }
      await stores.deliveries.finishDelivery(sub.chatId, date, "sent", items.map((i) => i.article.id), clock.now());
      return "sent";
    } catch (err) {
      await stores.deliveries.finishDelivery(sub.chatId, date, "failed", [], clock.now());
      if (err instanceof GrammyError && err.error_code === 403) {
        await stores.subscriptions.deactivate(sub.chatId, err.description);
        logger.warn({ chat: sub.chatId, reason: err.description }, "digest: chat refuses messages; subscription deactivated");
        return "deactivated";
      }
      logger.error({ err, chat: sub.chatId }, "digest: delivery failed; will retry on a later tick today");
      return "failed";
    }
  }
}
