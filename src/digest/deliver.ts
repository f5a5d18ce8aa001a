/**
 * The daily fan-out: who is due in each zone, claim the day's delivery under a lease, plan the digest, and send it
 * part by part, writing to the store before and after every call to Telegram. A claim whose owner died (its lease
 * ran out) is resolved on the next tick and resumed from its first unconfirmed part with the same articles; only
 * a part in flight at the death (or ended by a 5xx or dropped connection) is ambiguous, settled by the policy
 * (at least once by default, see the README) and counted. 429s wait (auto-retry) or end the attempt keeping the
 * parts sent, 403 deactivates, other errors are logged with the chat id and retried later that day.
 */
import { GrammyError, HttpError, type Api } from "grammy";
import type { Briefing } from "../briefing/briefing.js";
import type { Logger } from "../logger.js";
import type { Clock } from "../clock.js";
import { randomUUID } from "node:crypto";
import type { AmbiguousPolicy, DeliveryClaim, Language, StaleResolution, Stores, Subscription } from "../store/store.js";
import { renderDigest } from "../render/digest.js";
import type { View } from "../render/view.js";
import type { Rendered } from "../render/answer.js";
import { digestFor, type DigestItem } from "../briefing/digest.js";
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
  /** Who holds this process's claims (unique per process). */
  owner?: string;
  /** How long a claim lives without a heartbeat; a dead owner's claims are resumed after it. */
  leaseMs?: number;
  /** A part whose fate is unknown is sent again (default) or counted as shown. */
  ambiguous?: AmbiguousPolicy;
}

export interface TickResult {
  due: number;
  sent: number;
  skipped: number;
  failed: number;
  deactivated: number;
  /** Stale claims resolved at the start of this tick, and how many of them had a part in flight. */
  resumed: number;
  ambiguous: number;
}

/** What one subscriber's delivery came to; `taken` when another owner holds (or finished) the day. */
export type Outcome = "sent" | "skipped" | "failed" | "deactivated" | "taken";

/** A subscriber due on a local date. */
export interface DueDelivery {
  sub: Subscription;
  date: string;
}

export class DigestDeliverer {
  private readonly throttle: Throttle;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly owner: string;
  readonly leaseMs: number;
  private readonly policy: AmbiguousPolicy;
  /** Chat and day of every delivery a tick of this process has queued and not finished: ticks overlap. */
  private readonly queued = new Set<string>();

  constructor(private readonly o: DelivererOptions) {
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.throttle = new Throttle(o.perSecond ?? 25, undefined, this.sleep);
    this.owner = o.owner ?? randomUUID();
    this.leaseMs = o.leaseMs ?? 60_000;
    this.policy = o.ambiguous ?? "at-least-once";
  }

  /** Claims whose owner stopped renewing them (a process that died) are resumed or completed, under this deliverer's policy. */
  async resolveStale(): Promise<StaleResolution> {
    const stale = await this.o.stores.deliveries.resolveStale(this.o.clock.now(), this.policy);
    if (stale.resumed + stale.completed > 0) this.o.logger.warn({ ...stale }, "digest: resolved claims of a process that stopped");
    return stale;
  }

  /** The heartbeat: keep this process's claims alive while it runs. */
  async renew(): Promise<void> {
    const now = this.o.clock.now();
    await this.o.stores.deliveries.renewLeases(this.owner, now + this.leaseMs, now);
  }

  /**
   * Deliver to everyone due at `now` (late ones too, while it is still their local day). Ticks may overlap: one
   * still sending does not hold the next minute's subscribers, and a subscriber queued by one is left to it
   * (across processes, the claim in the store keeps a chat's day to one delivery).
   */
  async tick(now: Date): Promise<TickResult> {
    const stale = await this.resolveStale();
    const due = (await this.dueAt(now)).filter((d) => !this.queued.has(`${d.sub.chatId}:${d.date}`));
    for (const d of due) this.queued.add(`${d.sub.chatId}:${d.date}`);
    const result: TickResult = { due: due.length, sent: 0, skipped: 0, failed: 0, deactivated: 0, resumed: stale.resumed, ambiguous: stale.ambiguous };
    // Subscribers due together mostly get the same digest (same articles, topic, language, date): render it once.
    const rendered = new Map<string, Rendered[]>();
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const item = due[next++]!;
        try {
          const outcome = await this.deliver(item.sub, item.date, now, rendered);
          if (outcome !== "taken") result[outcome]++;
        } catch (err) {
          // The store failed (a full disk, say): this chat is tried again on a later tick; the others go on.
          this.o.logger.error({ err, chat: item.sub.chatId }, "digest: delivery failed in the store; will retry on a later tick");
          result.failed++;
        } finally {
          this.queued.delete(`${item.sub.chatId}:${item.date}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency ?? 20, due.length) }, worker));
    await this.o.stores.deliveries.recordRun(now.getTime());
    if (due.length > 0) this.o.logger.info({ ...result }, "digest: run finished");
    return result;
  }

  /** Everyone due at `now` in every zone (late ones too, while it is still their local day). */
  async dueAt(now: Date): Promise<DueDelivery[]> {
    const due: DueDelivery[] = [];
    for (const zone of await this.o.stores.subscriptions.subscriptionZones()) {
      const local = localTime(now, zone);
      for (const sub of await this.o.stores.subscriptions.dueSubscriptions(zone, local.date, local.minutes)) due.push({ sub, date: local.date });
    }
    return due;
  }

  /** One subscriber's day, as a queue worker runs it: the same claim, plan and parts as a tick. */
  async deliverOne(sub: Subscription, date: string, now: Date): Promise<Outcome> {
    // Jobs of one minute mostly share a digest; a small cache keeps it rendered once per worker.
    if (this.rendered.size > 64) this.rendered.clear();
    const outcome = await this.deliver(sub, date, now, this.rendered);
    if (outcome !== "taken") return outcome;
    // A job runs again when its worker died (BullMQ's stalled check): that worker's claim on the day has run out
    // by then, and is resolved here rather than left to the next minute's scheduler. The dead worker's other jobs
    // run again beside this one, and whichever resolves first resolves every claim, so the day is claimed again
    // whether or not this call resolved it; a day finished or held by a live worker stays taken.
    await this.resolveStale();
    return this.deliver(sub, date, now, this.rendered);
  }

  private readonly rendered = new Map<string, Rendered[]>();

  private async deliver(sub: Subscription, date: string, now: Date, rendered: Map<string, Rendered[]>): Promise<Outcome> {
    const { stores, api, logger, clock } = this.o;
    const log = stores.deliveries;
    const owner = this.owner;
    const claim = await log.claimDelivery(sub.chatId, date, owner, clock.now(), clock.now() + this.leaseMs);
    if (!claim) return "taken";
    let inFlight = false;
    try {
      const items = this.items(sub, claim, await log.receivedArticles(sub.chatId));
      if (items.length === 0 && !sub.notifyEmpty) {
        await log.finishDelivery(sub.chatId, date, owner, "skipped", clock.now());
        return "skipped";
      }
      const language = (await stores.languages.getLanguage(sub.userId)) ?? sub.language;
      const key = [language, date, sub.topic ?? "", ...items.map((i) => i.article.id)].join("\u0000");
      let parts = rendered.get(key);
      if (!parts) {
        parts = renderDigest(items, this.o.view(language), { date, ...(sub.topic ? { topic: sub.topic } : {}), preview: false });
        rendered.set(key, parts);
      }
      if (claim.articleIds === undefined && !(await log.planDelivery(sub.chatId, date, owner, items.map((i) => i.article.id), parts.length, clock.now()))) {
        return "taken";
      }
      for (let k = claim.nextPart; k < parts.length; k++) {
        const part = parts[k]!;
        if (k > claim.nextPart) await this.sleep(this.o.perChatGapMs ?? 1100);
        await this.throttle.take();
        if (!(await log.beginPart(sub.chatId, date, owner, k, clock.now()))) return "taken";
        inFlight = true;
        await api.sendMessage(sub.chatId, part.text, { reply_markup: part.keyboard });
        inFlight = false;
        await log.endPart(sub.chatId, date, owner, k, clock.now());
      }
      await log.finishDelivery(sub.chatId, date, owner, "sent", clock.now());
      return "sent";
    } catch (err) {
      // A refusal (GrammyError 4xx) or a connection never made (an HttpError send-once let through) means Telegram
      // showed nothing; a timeout, a 5xx or a dropped connection arrive as AmbiguousSendError.
      const ambiguous = inFlight && !(err instanceof GrammyError) && !(err instanceof HttpError);
      // Nothing reached a reader and Telegram refused nothing (a 429 longer than the wait, a connection never
      // made): the attempt is not counted against the day's limit, which is there for chats that refuse.
      const untouched = inFlight && (err instanceof HttpError || (err instanceof GrammyError && err.error_code === 429));
      await log.finishDelivery(sub.chatId, date, owner, untouched ? "pending" : "failed", clock.now(), ambiguous ? { policy: this.policy } : undefined);
      if (err instanceof GrammyError && err.error_code === 403) {
        await stores.subscriptions.deactivate(sub.chatId, err.description);
        logger.warn({ chat: sub.chatId, reason: err.description }, "digest: chat refuses messages; subscription deactivated");
        return "deactivated";
      }
      logger.error({ err, chat: sub.chatId, ambiguous }, "digest: delivery failed; will retry on a later tick today");
      return "failed";
    }
  }

  /** A resumed delivery sends the articles it planned; a new one, what the chat has not received. */
  private items(sub: Subscription, claim: DeliveryClaim, received: Set<string>): DigestItem[] {
    if (claim.articleIds === undefined) return digestFor(this.o.briefing, received, sub.topic);
    const planned = new Set(claim.articleIds);
    return digestFor(this.o.briefing, new Set(), sub.topic).filter((i) => planned.has(i.article.id));
  }
}
