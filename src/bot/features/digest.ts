import { Composer } from "grammy";
import { digestFor } from "../../briefing/digest.js";
import { canonicalTimeZone, formatTime, localTime, parseTime } from "../../digest/schedule.js";
import { saveSubscription } from "../../digest/subscribe.js";
import type { Subscription } from "../../store/store.js";
import type { BotContext, Deps, InnerContext } from "../context.js";
import { SUBSCRIBE } from "../conversations/subscribe.js";
import { directed, lineMark } from "../../render/bidi.js";
import { actionFilter, decode, encode } from "../../render/callback-data.js";
import { renderDigest } from "../../render/digest.js";
import { escapeHtml } from "../../render/html.js";
import { editOrIgnore, expired } from "../helpers/callbacks.js";
import { inGroup } from "../helpers/chat.js";

/** In a group, only its admins may change the group's subscription. */
async function mayManage(ctx: BotContext): Promise<boolean> {
  if (!inGroup(ctx)) return true;
  const member = await ctx.getChatMember(ctx.from!.id);
  if (member.status === "creator" || member.status === "administrator") return true;
  await ctx.reply(lineMark(ctx.view.lang) + ctx.t("subscribe-admins-only"));
  return false;
}

function describe(ctx: InnerContext, s: Subscription) {
  return {
    time: formatTime(s.minutes),
    zone: s.timeZone,
    topic: s.topic ? escapeHtml(s.topic) : ctx.t("topic-all"),
    status: ctx.t(!s.active ? "status-inactive" : s.paused ? "status-paused" : "status-active"),
    empty: ctx.t(s.notifyEmpty ? "empty-note" : "empty-skip"),
  };
}

function settingsView(ctx: InnerContext, s: Subscription) {
  const button = (key: string, op: Parameters<typeof encode>[0] & { kind: "settings" }) => ({ text: ctx.t(key), callback_data: encode(op) });
  return {
    text: directed(ctx.view.lang, ctx.t("settings-show", describe(ctx, s))),
    keyboard: {
      inline_keyboard: [
        [s.paused ? button("button-resume", { kind: "settings", op: "resume" }) : button("button-pause", { kind: "settings", op: "pause" })],
        [s.notifyEmpty ? button("button-empty-off", { kind: "settings", op: "empty-off" }) : button("button-empty-on", { kind: "settings", op: "empty-on" })],
        [button("button-edit", { kind: "settings", op: "edit" })],
        [button("button-unsubscribe", { kind: "settings", op: "off" })],
      ],
    },
  };
}

/** /subscribe, /settings, /unsubscribe and /digest. */
export function digestFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { stores, briefing } = deps;
  const reply = (ctx: BotContext, key: string, vars: Record<string, string> = {}) =>
    ctx.reply(directed(ctx.view.lang, ctx.t(key, vars)));

  c.command("subscribe", async (ctx) => {
    if (!(await mayManage(ctx))) return;
    const args = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (args.length === 0) return ctx.conversation.enter(SUBSCRIBE);
    const minutes = args.length === 2 ? parseTime(args[0]!) : undefined;
    const zone = args.length === 2 ? canonicalTimeZone(args[1]!) : undefined;
    if (minutes === undefined || zone === undefined) return reply(ctx, "subscribe-usage");
    const previous = await stores.subscriptions.getSubscription(ctx.chat.id);
    await saveSubscription(stores, {
      chatId: ctx.chat.id,
      userId: ctx.from!.id,
      minutes,
      timeZone: zone,
      ...(previous?.topic ? { topic: previous.topic } : {}),
      paused: false,
      notifyEmpty: previous?.notifyEmpty ?? false,
      language: ctx.view.lang,
      active: true,
    }, new Date(deps.clock.now()));
    await reply(ctx, "subscribe-done", { time: formatTime(minutes), zone, topic: previous?.topic ? escapeHtml(previous.topic) : ctx.t("topic-all") });
  });

  c.command("settings", async (ctx) => {
    const s = await stores.subscriptions.getSubscription(ctx.chat.id);
    if (!s) return reply(ctx, "settings-none");
    const view = settingsView(ctx, s);
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  c.command("unsubscribe", async (ctx) => {
    if (!(await mayManage(ctx))) return;
    await reply(ctx, (await stores.subscriptions.deleteSubscription(ctx.chat.id)) ? "unsubscribed" : "settings-none");
  });

  c.command("digest", async (ctx) => {
    const s = await stores.subscriptions.getSubscription(ctx.chat.id);
    const items = digestFor(briefing, s ? await stores.deliveries.receivedArticles(ctx.chat.id) : new Set(), s?.topic);
    const today = localTime(new Date(deps.clock.now()), s?.timeZone ?? "UTC").date;
    for (const part of renderDigest(items, ctx.view, { date: today, ...(s?.topic ? { topic: s.topic } : {}), preview: true })) {
      await ctx.reply(part.text, { reply_markup: part.keyboard });
    }
  });

  c.callbackQuery(actionFilter("settings"), async (ctx) => {
    const action = decode(ctx.callbackQuery.data);
    const chatId = ctx.chat?.id;
    const s = chatId === undefined ? undefined : await stores.subscriptions.getSubscription(chatId);
    if (action?.kind !== "settings" || !s || chatId === undefined) return expired(ctx);
    if (!(await mayManage(ctx))) return ctx.answerCallbackQuery();
    switch (action.op) {
      case "edit":
        await ctx.answerCallbackQuery();
        return ctx.conversation.enter(SUBSCRIBE);
      case "off":
        await stores.subscriptions.deleteSubscription(chatId);
        await ctx.answerCallbackQuery();
        return editOrIgnore(ctx, directed(ctx.view.lang, ctx.t("unsubscribed")), { inline_keyboard: [] });
      case "pause":
      case "resume":
        await stores.subscriptions.setPaused(chatId, action.op === "pause");
        await ctx.answerCallbackQuery({ text: ctx.t(action.op === "pause" ? "settings-paused" : "settings-resumed") });
        break;
      case "empty-on":
      case "empty-off":
        await stores.subscriptions.setNotifyEmpty(chatId, action.op === "empty-on");
        await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
        break;
    }
    const view = settingsView(ctx, (await stores.subscriptions.getSubscription(chatId))!);
    await editOrIgnore(ctx, view.text, view.keyboard);
  });

  return c;
}
