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

export type DeliveryStatus = "sending" | "sent" | "skipped" | "failed";

export interface DigestStats {
  active: number;
  paused: number;
  inactive: number;
  sentSince: number;
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

/** What was delivered to whom, and when articles were first seen. */
export interface DeliveryLog {
  /**
   * Take the day's delivery for a subscriber before sending; false when it is already taken (sent, skipped, being
   * sent, or failed too often). This is what keeps a digest from going out twice across crashes and restarts.
   */
  claimDelivery(chatId: number, localDate: string, now: number): Promise<boolean>;
  /** Mark a day as not to be delivered (a subscription made after that day's time starts the next day). */
  skipDay(chatId: number, localDate: string, now: number): Promise<void>;
  finishDelivery(chatId: number, localDate: string, status: Exclude<DeliveryStatus, "sending">, articleIds: readonly string[], now: number): Promise<void>;
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
