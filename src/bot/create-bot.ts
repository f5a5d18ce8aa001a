/** Builds the bot from what it is given. Features are composed in the order updates flow through them. */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { limit } from "@grammyjs/ratelimiter";
import { Bot, GrammyError, HttpError, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Language } from "../store/store.js";
import { conversations, createConversation, type ConversationData, type VersionedState, type VersionedStateStorage } from "@grammyjs/conversations";
import type { MiddlewareFn } from "grammy";
import type { BotContext, Deps, InnerContext } from "./context.js";
import { SUBSCRIBE, subscribeConversation } from "./conversations/subscribe.js";
import { adminFeature } from "./features/admin.js";
import { digestFeature } from "./features/digest.js";
import { groupsFeature } from "./features/groups.js";
import { addressedToBot, groupLimitNote, inGroup } from "./helpers/chat.js";
import { helpFeature } from "./features/help.js";
import { inlineFeature } from "./features/inline.js";
import { languageFeature } from "./features/language.js";
import { searchFeature } from "./features/search.js";
import { sourcesFeature } from "./features/sources.js";
import { startFeature } from "./features/start.js";
import { summaryFeature } from "./features/summary.js";
import { unhandledFeature } from "./features/unhandled.js";
import { messageDefaults } from "./api-defaults.js";
import { createI18n } from "./i18n.js";
import { LANGUAGES } from "../language.js";
import { lineMark } from "../render/bidi.js";
import { sendOnce } from "./send-once.js";

export interface CreateBotOptions {
  token: string;
  deps: Deps;
  apiRoot?: string;
  /** Replaces the HTTP client's fetch (the local console and the tests' Bot API fake). */
  fetch?: typeof fetch;
  /** Known bot identity; skips getMe at start. */
  botInfo?: UserFromGetMe;
  /** What several instances share (Redis); without it, the counters live in this process. */
  shared?: SharedState;
  /** Told of every 429 Telegram answers, before auto-retry waits it out (the digest queue pauses on it). */
  onRetryAfter?: (seconds: number) => void;
}

/** The two calls @grammyjs/ratelimiter makes on its Redis client. */
export interface RateLimitCounters {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

export interface SharedState {
  /** The rate limiters' counters, so a reader's limit holds across instances. */
  rateLimits: RateLimitCounters;
  /** False when another instance (or this one) already took this update id: Telegram redelivered it. */
  firstDelivery(updateId: number): Promise<boolean>;
}

/**
 * The /subscribe conversation's code version: bump it whenever the conversation's steps change, so a state saved by
 * the previous release is dropped (the reader starts again) instead of replayed against different code.
 */
export const CONVERSATION_VERSION = 0;

/** Each answer is one or two messages; eight requests stay under Telegram's 20 messages a minute per group. */
const GROUP_REQUESTS_PER_MINUTE = 8;

const COMMANDS = ["start", "help", "search", "sources", "article", "summary", "subscribe", "settings", "digest", "unsubscribe", "language"] as const;

export function createBot({ token, deps, apiRoot, fetch, botInfo, shared, onRetryAfter }: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(botInfo ? { botInfo } : {}),
    client: { ...(apiRoot ? { apiRoot } : {}), ...(fetch ? { fetch } : {}) },
  });
  bot.api.config.use(sendOnce());
  // Installed inside auto-retry, so it sees each 429 rather than only the last.
  if (onRetryAfter) {
    bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 429 && result.parameters?.retry_after) onRetryAfter(result.parameters.retry_after);
      return result;
    });
  }
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  bot.api.config.use(messageDefaults());
  const i18n = createI18n(deps.stores.languages);

  const withLogger = (ctx: InnerContext) => {
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id, chat: ctx.chat?.id, type: Object.keys(ctx.update).find((k) => k !== "update_id") });
  };
  const withView: MiddlewareFn<InnerContext> = async (ctx, next) => {
    ctx.view = { lang: (await ctx.i18n.getLocale()) as Language, t: (key, vars) => ctx.t(key, vars) };
    await next();
  };
  // One child logger per update, with its latency.
  bot.use(async (ctx, next) => {
    const started = performance.now();
    withLogger(ctx);
    await next();
    ctx.log.debug({ ms: Math.round(performance.now() - started) }, "update handled");
  });
  // With several instances, a redelivered update may reach another one: handled once (at most once, like replies).
  if (shared) {
    bot.use(async (ctx, next) => {
      if (await shared.firstDelivery(ctx.update.update_id)) await next();
      else ctx.log.info("update already handled by an instance; dropped");
    });
  }
  // A failing feature answers with an apology instead of silence; the bot stays up.
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      ctx.log.error({ err }, "update failed");
      await apologize(ctx).catch((e: unknown) => ctx.log.warn({ err: e }, "could not send the apology"));
    }
  });
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(i18n);
  bot.use(withView);
  // Per reader in private chats (inline queries come with every keystroke and are cheap: not counted).
  bot.use(
    limit<BotContext, RateLimitCounters>({
      timeFrame: 60_000,
      limit: deps.settings.rateLimitPerMinute,
      ...(shared ? { storageClient: shared.rateLimits } : {}),
      keyGenerator: (ctx) => (ctx.inlineQuery || inGroup(ctx) ? undefined : ctx.from?.id.toString()),
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("rate-limited") });
        else if (ctx.chat) await ctx.reply(lineMark(ctx.view.lang) + ctx.t("rate-limited"));
      },
    }),
  );
  // Per group, counting only what is addressed to the bot, so it stays under Telegram's 20 messages a minute.
  bot.use(
    limit<BotContext, RateLimitCounters>({
      timeFrame: 60_000,
      limit: GROUP_REQUESTS_PER_MINUTE,
      keyPrefix: "group",
      ...(shared ? { storageClient: shared.rateLimits } : {}),
      keyGenerator: (ctx) => (inGroup(ctx) && addressedToBot(ctx) ? ctx.chat!.id.toString() : undefined),
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("group-limited") });
        else await groupLimitNote(ctx);
      },
    }),
  );

  // Conversation state lives in the store, per chat and user: a half-finished /subscribe survives a restart,
  // and in a group only the admin who started it can continue it.
  const adapter: VersionedStateStorage<string, ConversationData> = {
    read: async (key) => (await deps.stores.state.readState(key)) as VersionedState<ConversationData> | undefined,
    write: (key, state) => deps.stores.state.writeState(key, state),
    delete: (key) => deps.stores.state.deleteState(key),
  };
  bot.use(
    conversations<BotContext, InnerContext>({
      storage: {
        type: "key",
        version: CONVERSATION_VERSION,
        prefix: "conversation:",
        adapter,
        getStorageKey: (ctx) => (ctx.chatId !== undefined && ctx.from ? `${ctx.chatId}:${ctx.from.id}` : undefined),
      },
    }),
  );
  bot.use(
    createConversation<BotContext, InnerContext>(subscribeConversation(deps), {
      id: SUBSCRIBE,
      plugins: [
        (ctx, next) => {
          // A conversation's replies go through an Api of its own, without the bot's transformers.
          ctx.api.config.use(messageDefaults());
          withLogger(ctx);
          return next();
        },
        i18n,
        withView,
      ],
    }),
  );

  bot.use(startFeature(deps));
  bot.use(helpFeature());
  bot.use(languageFeature(deps));
  bot.use(sourcesFeature(deps));
  bot.use(summaryFeature(deps));
  bot.use(digestFeature(deps));
  bot.use(adminFeature(deps));
  bot.use(groupsFeature(deps));
  bot.use(inlineFeature(deps));
  bot.use(searchFeature(deps));
  bot.use(unhandledFeature());

  bot.catch((err) => {
    const e = err.error;
    const kind = e instanceof GrammyError ? "telegram refused a request" : e instanceof HttpError ? "could not reach telegram" : "unexpected error";
    deps.logger.error({ err: e, update_id: err.ctx.update.update_id }, kind);
  });
  return bot;
}

async function apologize(ctx: BotContext): Promise<void> {
  const text = ctx.t("error-apology");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else if (ctx.chat) await ctx.reply(lineMark(ctx.view?.lang ?? "ar") + text);
}

/** The command menu in each language (Arabic also as the default for other languages). */
export async function registerCommands(api: Api): Promise<void> {
  const i18n = createI18n();
  for (const language of [...LANGUAGES, undefined]) {
    const locale = language ?? "ar";
    const commands = COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
    await api.setMyCommands(commands, language ? { language_code: language } : {});
  }
}
