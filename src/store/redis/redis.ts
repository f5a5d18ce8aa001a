/**
 * What several instances share and may lose without harm, in Redis: the questions behind "more" buttons,
 * conversation state (a /subscribe started on one instance continues on another), which updates were already
 * handled, and the rate-limit counters (`@grammyjs/ratelimiter` uses the client directly).
 */
import { Redis } from "ioredis";
import { queryId } from "../sqlite-store.js";
import type { QueryStore, StateStore } from "../store.js";

/** Every key mujaz writes starts with this, so a Redis shared with other programs stays tidy. */
export const KEY_PREFIX = "mujaz:";

/** A client for the bot's own keys. BullMQ opens connections of its own (it may not share a key prefix). */
export function openRedis(url: string, keyPrefix = KEY_PREFIX): Redis {
  // No retry limit per command: a Redis restart stalls updates for a moment instead of failing them.
  return new Redis(url, { keyPrefix, maxRetriesPerRequest: null, lazyConnect: false });
}

/** As in the SQLite store: a stored question not used for a month is forgotten, and its buttons say so. */
const QUERY_TTL_S = 30 * 24 * 3600;

export class RedisQueryStore implements QueryStore {
  constructor(private readonly redis: Redis) {}

  async saveQuery(text: string): Promise<string> {
    const id = queryId(text);
    await this.redis.set(`query:${id}`, text, "EX", QUERY_TTL_S);
    return id;
  }

  async getQuery(id: string): Promise<string | undefined> {
    // Reading a query keeps it alive, as using it does in SQLite.
    return (await this.redis.getex(`query:${id}`, "EX", QUERY_TTL_S)) ?? undefined;
  }
}

/** A half-finished conversation is dropped after a week without an answer. */
const STATE_TTL_S = 7 * 24 * 3600;

export class RedisStateStore implements StateStore {
  constructor(private readonly redis: Redis) {}

  async readState(key: string): Promise<unknown> {
    const raw = await this.redis.get(`state:${key}`);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  }

  async writeState(key: string, value: unknown): Promise<void> {
    await this.redis.set(`state:${key}`, JSON.stringify(value), "EX", STATE_TTL_S);
  }

  async deleteState(key: string): Promise<void> {
    await this.redis.del(`state:${key}`);
  }
}

/** Telegram redelivers an update it got no answer for, possibly to another instance; a day covers any redelivery. */
const UPDATE_SEEN_S = 24 * 3600;

/**
 * True the first time an update id of this bot is seen by any instance (SET NX EX). A second delivery is dropped:
 * like replies, an update is handled at most once.
 */
export function firstDelivery(redis: Redis, botId: number): (updateId: number) => Promise<boolean> {
  return async (updateId) => (await redis.set(`update:${botId}:${updateId}`, "1", "EX", UPDATE_SEEN_S, "NX")) === "OK";
}
