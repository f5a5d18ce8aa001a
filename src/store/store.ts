/**
 * What the bot keeps between restarts. Features talk to this interface only, so a server-backed store can
 * replace SQLite without touching them.
 */
export type { Language } from "../language.js";
import type { Language } from "../language.js";

export interface Subscription {
  /** Where the digest goes: a private chat or a group. */
  chatId: number;
  /** Who set it up (its language is used for the digest). */
  userId: number;
  /** Delivery time, minutes after local midnight. */
  minutes: number;
  timeZone: string;
  /** Only articles matching these words, when set. */
  topic?: string;
  paused: boolean;
  /** Send a short note on days with nothing new (otherwise the day is skipped). */
  notifyEmpty: boolean;
  language: Language;
  /** False once Telegram refused delivery for good (blocked, kicked, deactivated). */
  active: boolean;
}

/**
 * A day's delivery to one chat, as a state machine written before and after every call to Telegram:
 * claimed (an owner holds a lease; nothing in flight) → sending (part k handed to the network) → claimed (part k
 * confirmed, next part) … → sent. `pending` is a claim whose owner died, resolved and waiting to be resumed;
 * `failed` is an attempt that gave up (retried later that day, up to MAX_ATTEMPTS); `skipped` is a day not to send.
 * An attempt that ends with nothing shown and nothing refused (a long 429, a connection never made) goes back to
 * `pending`, so it does not use up an attempt.
 */
export type DeliveryStatus = "claimed" | "sending" | "pending" | "sent" | "skipped" | "failed";

/**
 * What to do with a part that was handed to the network when its owner died (or whose call ended in a 5xx or a
 * dropped connection): Telegram may or may not have shown it. At least once sends it again; at most once counts it
 * as delivered.
 */
export type AmbiguousPolicy = "at-least-once" | "at-most-once";

/** A claim held by one owner: where sending starts and what was planned, so a resumed delivery sends the same digest. */
export interface DeliveryClaim {
  chatId: number;
  localDate: string;
  /** The first part not yet confirmed; a resumed delivery starts here. */
  nextPart: number;
  /** The articles planned by an earlier attempt (undefined when none was planned yet). */
  articleIds?: string[];
  /** How many parts that plan had. */
  parts?: number;
}

/** What resolving stale claims found. */
export interface StaleResolution {
  /** Stale claims made resumable (their owner's lease ran out). */
  resumed: number;
  /** Of those, how many died with a part in flight: the ambiguous case. */
  ambiguous: number;
  /** Stale claims whose every part had been confirmed: recorded as sent without sending anything. */
  completed: number;
}

export interface DigestStats {
  active: number;
  paused: number;
  inactive: number;
  sentSince: number;
  /** Deliveries since then that had a part in flight when their owner died or its call failed ambiguously. */
  ambiguousSince: number;
  lastRun?: number;
}

/** Each reader's chosen language. */
export interface LanguageStore {
  getLanguage(userId: number): Promise<Language | undefined>;
  setLanguage(userId: number, language: Language): Promise<void>;
}

/** Questions behind "more results" buttons and deep links. */
export interface QueryStore {
  /** Remember a query under a short id; the same text always gets the same id. */
  saveQuery(text: string): Promise<string>;
  getQuery(id: string): Promise<string | undefined>;
}

/** Groups the bot is in (for statistics and the digest's group subscriptions). */
export interface ChatStore {
  rememberChat(chatId: number, type: string): Promise<void>;
  forgetChat(chatId: number): Promise<void>;
  /** A group became a supergroup with a new id: everything kept for the old id moves to the new one. */
  migrateChat(fromChatId: number, toChatId: number): Promise<void>;
  groupCount(): Promise<number>;
}

export interface SubscriptionStore {
  saveSubscription(s: Subscription): Promise<void>;
  getSubscription(chatId: number): Promise<Subscription | undefined>;
  deleteSubscription(chatId: number): Promise<boolean>;
  setPaused(chatId: number, paused: boolean): Promise<void>;
  setNotifyEmpty(chatId: number, notify: boolean): Promise<void>;
  deactivate(chatId: number, reason: string): Promise<void>;
  /** Time zones that have subscribers, to work out who is due in each. */
  subscriptionZones(): Promise<string[]>;
  /** Subscribers in a zone whose time has come on that local date and who have not been served that day. */
  dueSubscriptions(timeZone: string, localDate: string, minutes: number): Promise<Subscription[]>;
}

/**
 * What was delivered to whom, and when articles were first seen. Every write that changes a delivery names its
 * owner and succeeds only while that owner holds the claim, so a process whose lease ran out cannot overwrite
 * what another one resumed.
 */
export interface DeliveryLog {
  /**
   * Take the day's delivery for a subscriber before sending, with a lease until `leaseUntil`. A day not yet
   * started, `pending` (resolved after a crash) or `failed` fewer than MAX_ATTEMPTS times can be claimed; a day
   * sent, skipped, or held under a live lease cannot (undefined).
   */
  claimDelivery(chatId: number, localDate: string, owner: string, now: number, leaseUntil: number): Promise<DeliveryClaim | undefined>;
  /** Record what this delivery sends (articles and number of parts) before its first part; false if the claim was lost. */
  planDelivery(chatId: number, localDate: string, owner: string, articleIds: readonly string[], parts: number, now: number): Promise<boolean>;
  /** Part `part` is about to be handed to the network (written before the call); false if the claim was lost. */
  beginPart(chatId: number, localDate: string, owner: string, part: number, now: number): Promise<boolean>;
  /** Telegram confirmed part `part` (written after the call). */
  endPart(chatId: number, localDate: string, owner: string, part: number, now: number): Promise<void>;
  /**
   * End this attempt. `sent` records the planned articles as received by the chat; `failed` keeps the parts
   * already confirmed, so the next attempt resumes after them; `pending` does the same without counting the attempt. `ambiguous` says the part in flight ended in a
   * failure after which Telegram may have shown it: it is resolved by `policy` and counted.
   */
  finishDelivery(
    chatId: number,
    localDate: string,
    owner: string,
    status: "sent" | "skipped" | "failed" | "pending",
    now: number,
    ambiguous?: { policy: AmbiguousPolicy },
  ): Promise<void>;
  /** Extend every live claim of `owner` (its heartbeat). */
  renewLeases(owner: string, leaseUntil: number, now: number): Promise<void>;
  /** Resolve claims whose lease ran out before `now`: a part in flight is settled by `policy` and counted. */
  resolveStale(now: number, policy: AmbiguousPolicy): Promise<StaleResolution>;
  /** Mark a day as not to be delivered (a subscription made after that day's time starts the next day). */
  skipDay(chatId: number, localDate: string, now: number): Promise<void>;
  /**
   * Undo `skipDay` for that day (only a day skipped that way): a subscription moved to a later time today is
   * delivered today. False when the day is done all the same (its digest was sent, or there was nothing new).
   */
  unskipDay(chatId: number, localDate: string): Promise<boolean>;
  receivedArticles(chatId: number): Promise<Set<string>>;
  /** Record when articles were first seen; those already known keep their time. */
  recordArticles(articles: ReadonlyArray<{ id: string; source: string }>, now: number): Promise<void>;
  firstSeen(articleId: string): Promise<number | undefined>;
  recordRun(now: number): Promise<void>;
  digestStats(since: number): Promise<DigestStats>;
}

/** Conversation state (a half-finished /subscribe survives a restart). */
export interface StateStore {
  readState(key: string): Promise<unknown>;
  writeState(key: string, value: unknown): Promise<void>;
  deleteState(key: string): Promise<void>;
}

/** One backend that holds every role (SQLite, the embedded default). */
export interface Store extends LanguageStore, QueryStore, ChatStore, SubscriptionStore, DeliveryLog, StateStore {
  close(): Promise<void>;
}

/**
 * What features and the digest use: each role on its own, so a deployment can put each where it belongs
 * (subscriptions and the delivery log in PostgreSQL, queries and conversation state in Redis).
 */
export interface Stores {
  languages: LanguageStore;
  queries: QueryStore;
  chats: ChatStore;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryLog;
  state: StateStore;
  /** Closes every backend behind the roles. */
  close(): Promise<void>;
}

/** Every role served by one backend. */
export function storesOf(store: Store): Stores {
  return { languages: store, queries: store, chats: store, subscriptions: store, deliveries: store, state: store, close: () => store.close() };
}

/** A day's delivery that is over: nothing more goes out that day. */
export const DAY_DONE: ReadonlySet<string> = new Set(["sent", "skipped"]);
