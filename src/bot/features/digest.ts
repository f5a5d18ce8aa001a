import { Composer } from "grammy";
import { digestFor } from "../../briefing/digest.js";
import { formatTime, localTime, parseTime } from "../../digest/schedule.js";
import { parseZone, saveSubscription } from "../../digest/subscribe.js";
import type { Subscription } from "../../store/store.js";
import type { BotContext, Deps, InnerContext } from "../context.js";
import { doneMessage, SUBSCRIBE, subscriptionVars, zoneSuggestions } from "../conversations/subscribe.js";
import { directed, lineMark } from "../../render/bidi.js";
import { actionFilter, decode, encode } from "../../render/callback-data.js";
import { renderDigest } from "../../render/digest.js";
import { cutText, escapeHtml } from "../../render/html.js";
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
    ...subscriptionVars(ctx, s.minutes, s.timeZone, s.topic),
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
    // "/subscribe 08:30 Abu Dhabi": the time, then the zone in as many words as it takes.
    const minutes = parseTime(args[0]!);
    const zoneText = args.slice(1).join(" ");
    const zone = zoneText ? parseZone(zoneText) : undefined;
    if (minutes === undefined) {
      const zoneFirst = parseZone(args[0]!).zone !== undefined || (args.length === 1 && !/\d/.test(args[0]!));
      if (zoneFirst) return reply(ctx, "subscribe-missing-time", { zone: escapeHtml(cutText(ctx.match.trim(), 40)) });
      return reply(ctx, "subscribe-wrong-time", { text: escapeHtml(cutText(args[0]!, 30)) });
    }
    if (!zone) return reply(ctx, "subscribe-missing-zone", { time: formatTime(minutes) });
    if (zone.zone === undefined) {
      return ctx.reply(directed(ctx.view.lang, ctx.t("subscribe-wrong-zone", { text: escapeHtml(cutText(zoneText, 40)) }) + "\n" + zoneSuggestions(ctx, zone.suggestions)));
    }
    const previous = await stores.subscriptions.getSubscription(ctx.chat.id);
    const first = await saveSubscription(stores, {
      chatId: ctx.chat.id,
      userId: ctx.from!.id,
      minutes,
      timeZone: zone.zone,
      // The one-line form changes the time and zone; a topic chosen before is kept, and the reply says so.
      ...(previous?.topic ? { topic: previous.topic } : {}),
      paused: false,
      notifyEmpty: previous?.notifyEmpty ?? false,
      language: ctx.view.lang,
      active: true,
    }, new Date(deps.clock.now()));
    const kept = previous?.topic ? "\n" + ctx.t("subscribe-topic-kept", { topic: escapeHtml(previous.topic) }) : "";
    await ctx.reply(directed(ctx.view.lang, doneMessage(ctx, { minutes, zone: zone.zone, topic: previous?.topic }, first) + kept));
  });

  c.command("cancel", (ctx) => reply(ctx, "nothing-to-cancel"));

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
        // Asked once more: the subscription, its time and topic would be gone with one slip of the thumb.
        await ctx.answerCallbackQuery();
        return editOrIgnore(ctx, directed(ctx.view.lang, ctx.t("unsubscribe-confirm")), {
          inline_keyboard: [[
            { text: ctx.t("button-unsubscribe-yes"), callback_data: encode({ kind: "settings", op: "off-yes" }) },
            { text: ctx.t("button-unsubscribe-no"), callback_data: encode({ kind: "settings", op: "show" }) },
          ]],
        });
      case "off-yes":
        await stores.subscriptions.deleteSubscription(chatId);
        await ctx.answerCallbackQuery();
        return editOrIgnore(ctx, directed(ctx.view.lang, ctx.t("unsubscribed")), { inline_keyboard: [] });
      case "show":
        await ctx.answerCallbackQuery();
        break;
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
