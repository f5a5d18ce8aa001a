/** Builds the bot from what it is given. Features are composed in the order updates flow through them. */
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
import { installApiLayers, messageDefaults, networkCause } from "./api-defaults.js";
import { createI18n } from "./i18n.js";
import { LANGUAGES } from "../language.js";
import { lineMark } from "../render/bidi.js";
import { decode } from "../render/callback-data.js";
import { AmbiguousSendError } from "./send-once.js";

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

/** Formatted messages kept (all dropped when full). */
const FORMATTED_KEPT = 5_000;
/** Each answer is one or two messages; eight requests stay under Telegram's 20 messages a minute per group. */
const GROUP_REQUESTS_PER_MINUTE = 8;

const COMMANDS = ["start", "help", "search", "sources", "article", "summary", "subscribe", "settings", "digest", "unsubscribe", "language"] as const;

export function createBot({ token, deps, apiRoot, fetch, botInfo, shared, onRetryAfter }: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(botInfo ? { botInfo } : {}),
    client: { ...(apiRoot ? { apiRoot } : {}), ...(fetch ? { fetch } : {}) },
  });
  installApiLayers(bot.api, {
    onNetworkRetry: (r) =>
      deps.logger.warn({ method: r.method, attempt: r.attempt, of: r.of, cause: networkCause(r.error), api_root: apiRoot }, `telegram: could not reach the Bot API; retry ${r.attempt}${Number.isFinite(r.of) ? ` of ${r.of}` : ""} in ${r.delayMs / 1000} s`),
    ...(onRetryAfter ? { onRetryAfter } : {}),
  });
  const i18n = createI18n(deps.stores.languages);

  const withLogger = (ctx: InnerContext) => {
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id, chat: ctx.chat?.id, type: Object.keys(ctx.update).find((k) => k !== "update_id") });
  };
  // A message reads the same for the same language and variables: each is formatted once (the plugin negotiates
  // the locale on every call, a twentieth of a question's time on the seeds). Messages with variables recur too (a
  // passage's source line); a few thousand are kept.
  const fixed = new Map<string, string>();
  const withView: MiddlewareFn<InnerContext> = async (ctx, next) => {
    const lang = (await ctx.i18n.getLocale()) as Language;
    const t = (key: string, vars?: Record<string, string | number>): string => {
      const at = vars ? `${lang}\u0000${key}\u0000${JSON.stringify(vars)}` : `${lang}\u0000${key}`;
      let text = fixed.get(at);
      if (text === undefined) {
        if (fixed.size >= FORMATTED_KEPT) fixed.clear();
        fixed.set(at, (text = vars ? ctx.t(key, vars) : ctx.t(key)));
      }
      return text;
    };
    ctx.view = { lang, t, articleNumber: numberOf(deps) };
    await next();
  };
  // One child logger per update, with its latency.
  bot.use(async (ctx, next) => {
    const started = performance.now();
    withLogger(ctx);
    await next();
    ctx.log.debug({ ms: Math.round(performance.now() - started) }, "update handled");
  });
  // Channel posts are not asked for (ALLOWED_UPDATES), but anything can be posted to a webhook: a post in a
  // channel is nobody's question, and a "/start" there must not reach the command handlers.
  bot.on(["channel_post", "edited_channel_post"], () => {});
  // With several instances, a redelivered update may reach another one: handled once (at most once, like replies).
  if (shared) {
    bot.use(async (ctx, next) => {
      if (await shared.firstDelivery(ctx.update.update_id)) await next();
      else ctx.log.info("update already handled by an instance; dropped");
    });
  }
  // A failing feature answers with an apology instead of silence; the bot stays up. Telegram takes one answer per
  // button press: once the press was answered, the apology goes to the chat as a message instead.
  bot.use(async (ctx, next) => {
    let pressAnswered = false;
    ctx.api.config.use((prev, method, payload, signal) => {
      if (method === "answerCallbackQuery") pressAnswered = true;
      return prev(method, payload, signal);
    });
    try {
      await next();
    } catch (err) {
      ctx.log.error({ err }, "update failed");
      await apologize(ctx, pressAnswered).catch((e: unknown) => ctx.log.warn({ err: e }, "could not send the apology"));
    }
  });
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(i18n);
  bot.use(withView);
  // Messages sent through inline results carry only link buttons in this build: a press on one (no chat, only an
  // inline_message_id) is forged or from an older build. A short answer, and no handler that would reply into a
  // chat it does not have.
  bot.on("callback_query", async (ctx, next) => {
    if (ctx.callbackQuery.message !== undefined || ctx.callbackQuery.inline_message_id === undefined) return next();
    await ctx.answerCallbackQuery({ text: ctx.t("expired"), show_alert: true });
  });
  // Per reader in private chats (inline queries come with every keystroke and are cheap: not counted). Every
  // limited button press is answered (or it spins until Telegram gives up); limited messages get one note a minute.
  const readerNote = oncePerWindow(60_000, deps.clock);
  bot.use(
    limit<BotContext, RateLimitCounters>({
      timeFrame: 60_000,
      limit: deps.settings.rateLimitPerMinute,
      alwaysReply: true,
      ...(shared ? { storageClient: shared.rateLimits } : {}),
      keyGenerator: (ctx) => (ctx.inlineQuery || inGroup(ctx) ? undefined : ctx.from?.id.toString()),
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("rate-limited") });
        else if (ctx.chat && readerNote(`${ctx.from?.id}`)) await ctx.reply(lineMark(ctx.view.lang) + ctx.t("rate-limited"));
      },
    }),
  );
  // Per group, counting only what is addressed to the bot, so it stays under Telegram's 20 messages a minute. An
  // admin setting up the group's digest (/subscribe, its buttons and answers) is not asking questions: not counted.
  const groupNote = oncePerWindow(60_000, deps.clock);
  const groupLimit = limit<BotContext, RateLimitCounters>({
    timeFrame: 60_000,
    limit: GROUP_REQUESTS_PER_MINUTE,
    keyPrefix: "group",
    alwaysReply: true,
    ...(shared ? { storageClient: shared.rateLimits } : {}),
    keyGenerator: (ctx) => (inGroup(ctx) && addressedToBot(ctx) ? ctx.chat!.id.toString() : undefined),
    onLimitExceeded: async (ctx) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("group-limited") });
      else if (groupNote(`${ctx.chat!.id}`)) await groupLimitNote(ctx);
    },
  });
  bot.use(async (ctx, next) => ((await settingUpDigest(ctx, deps)) ? next() : groupLimit(ctx, next)));

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

/** The number readers see for an article in /sources, for citations that name it. */
export function numberOf(deps: Pick<Deps, "briefing">): (articleId: string) => number | undefined {
  return (articleId) => {
    const article = deps.briefing.find(articleId);
    return article && deps.briefing.numberOf(article);
  };
}

/** True the first time a key is seen in each window of `ms`: one note per window, however many updates are refused. */
function oncePerWindow(ms: number, clock: Deps["clock"]): (key: string) => boolean {
  const until = new Map<string, number>();
  return (key) => {
    const now = clock.now();
    if ((until.get(key) ?? 0) > now) return false;
    if (until.size > 10_000) for (const [k, t] of until) if (t <= now) until.delete(k);
    until.set(key, now + ms);
    return true;
  };
}

/** A group admin's /subscribe: the command, its buttons, and answers while the conversation is open. */
async function settingUpDigest(ctx: BotContext, deps: Deps): Promise<boolean> {
  if (!inGroup(ctx) || !ctx.from || !addressedToBot(ctx)) return false;
  const command = /^\/(subscribe|cancel)(@\w+)?(\s|$)/.exec(ctx.message?.text ?? "");
  if (command) return true;
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return decode(data)?.kind === "subscribe";
  if (!ctx.message?.text) return false;
  return (await deps.stores.state.readState(`conversation:${ctx.chat!.id}:${ctx.from.id}`)) !== undefined;
}

/** Tries at sending the apology: a reader may see it twice after an ambiguous failure, which beats not at all. */
const APOLOGY_ATTEMPTS = 3;

async function apologize(ctx: BotContext, pressAnswered: boolean): Promise<void> {
  const text = ctx.t("error-apology");
  if (ctx.callbackQuery && !pressAnswered) {
    try {
      return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    } catch (err) {
      // The alert did not reach the reader (or may not have): the apology goes to the chat, as after an answered press.
      if (!ctx.chat || !(err instanceof AmbiguousSendError || err instanceof HttpError || err instanceof GrammyError)) throw err;
    }
  }
  if (!ctx.chat) return;
  for (let attempt = 1; ; attempt++) {
    try {
      return void (await ctx.reply(lineMark(ctx.view?.lang ?? "ar") + text));
    } catch (err) {
      if (attempt >= APOLOGY_ATTEMPTS || !(err instanceof AmbiguousSendError || err instanceof HttpError)) throw err;
    }
  }
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
