/**
 * /subscribe step by step: time, time zone, topic, confirmation. Cancel at any step; bad input re-asks with an
 * example; another command leaves the conversation and is handled as usual. The state is stored, so a
 * half-finished subscription survives a restart. Store writes go through conversation.external.
 */
import type { Conversation } from "@grammyjs/conversations";
import type { InlineKeyboardButton } from "grammy/types";
import { hasSearchableScript } from "../../briefing/arabic.js";
import { COMMON_TIMES, COMMON_ZONES, formatTime, parseTime } from "../../digest/schedule.js";
import { namedZone, parseZone, saveSubscription, zoneName, type FirstDigest } from "../../digest/subscribe.js";
import type { BotContext, Deps, InnerContext } from "../context.js";
import { directed } from "../../render/bidi.js";
import { decode, encode, type Action } from "../../render/callback-data.js";
import { cutText, escapeHtml } from "../../render/html.js";
import { chunk } from "../../render/view.js";

export const SUBSCRIBE = "subscribe";
const TOPIC_MAX = 100;

type Convo = Conversation<BotContext, InnerContext>;

export function zoneLabel(ctx: InnerContext, zone: string): string {
  const key = `zone-${zone.replace(/\//g, "-")}`;
  const label = ctx.t(key);
  return label === key ? zone : label;
}

/** A subscription as the messages about it say it: its time, its zone by city, its topic (or all articles). */
export function subscriptionVars(ctx: InnerContext, minutes: number, zone: string, topic: string | undefined): { time: string; zone: string; topic: string } {
  return { time: formatTime(minutes), zone: namedZone(zone, ctx.view.lang), topic: topic ? escapeHtml(topic) : ctx.t("topic-all") };
}

/** "✅ Subscribed: …" and when the first digest comes. */
export function doneMessage(ctx: InnerContext, s: { minutes: number; zone: string; topic?: string | undefined }, first: FirstDigest): string {
  const vars = subscriptionVars(ctx, s.minutes, s.zone, s.topic);
  return [ctx.t("subscribe-done", vars), ctx.t(first === "today" ? "first-digest-today" : "first-digest-tomorrow", { time: vars.time })].join("\n");
}

/** The zones a reader may have meant ("القاهرة (Africa/Cairo)"), or examples of what to type. */
export function zoneSuggestions(ctx: InnerContext, zones: readonly string[]): string {
  if (zones.length === 0) return ctx.t("zone-examples");
  const names = zones.map((z) => (zoneName(z, ctx.view.lang) === z ? z : `${zoneName(z, ctx.view.lang)} (${z})`));
  return ctx.t("zone-did-you-mean", { zones: names.join(ctx.view.lang === "ar" ? "، " : ", ") });
}

function suggestionsFor(text: string | undefined): string[] {
  const parsed = text ? parseZone(text) : undefined;
  return parsed?.zone === undefined ? (parsed?.suggestions ?? []) : [];
}

function cancelRow(ctx: InnerContext): InlineKeyboardButton[] {
  return [{ text: ctx.t("button-cancel"), callback_data: encode({ kind: "subscribe", step: "cancel" }) }];
}

function say(ctx: InnerContext, key: string, vars: Record<string, string> = {}, buttons: InlineKeyboardButton[][] = []) {
  return ctx.reply(directed(ctx.view.lang, ctx.t(key, vars)), { reply_markup: { inline_keyboard: buttons } });
}

/**
 * Wait until the reader gives a value `parse` accepts; re-ask on anything else. Returns undefined on cancel.
 * A different command ends the conversation and goes on to its own handler.
 */
async function ask<T>(conversation: Convo, parse: (text: string | undefined, action: Action | undefined) => T | undefined, reask: (c: InnerContext) => Promise<unknown>): Promise<T | undefined> {
  for (;;) {
    const c = await conversation.wait();
    // An edit of an earlier message (or any other update) is no answer to the question: ignored, not re-asked.
    if (!c.message && !c.callbackQuery) continue;
    const text = c.message?.text?.trim();
    const action = decode(c.callbackQuery?.data);
    if (c.callbackQuery) await c.answerCallbackQuery();
    if (text === "/cancel" || (action?.kind === "subscribe" && action.step === "cancel")) return undefined;
    if (text?.startsWith("/")) {
      // Said once, before the command is handled as usual.
      await say(c, "subscribe-left");
      await conversation.halt({ next: true });
    }
    const value = parse(text, action);
    if (value !== undefined) return value;
    await reask(c);
  }
}

export function subscribeConversation(deps: Deps) {
  return async function subscribe(conversation: Convo, ctx: InnerContext): Promise<void> {
    const chatId = ctx.chatId!;
    const userId = ctx.from!.id;
    const existing = await conversation.external(() => deps.stores.subscriptions.getSubscription(chatId));
    // Cancelling a change leaves the subscription as it was, and says so.
    const cancelled = (c: InnerContext) =>
      existing
        ? say(c, "subscribe-change-cancelled", subscriptionVars(c, existing.minutes, existing.timeZone, existing.topic))
        : say(c, "subscribe-cancelled");

    const timeButtons = chunk(
      COMMON_TIMES.map((t) => ({ text: t, callback_data: encode({ kind: "subscribe", step: "time", minutes: parseTime(t)! }) })),
      3,
    );
    await say(ctx, "subscribe-ask-time", {}, [...timeButtons, cancelRow(ctx)]);
    const minutes = await ask(
      conversation,
      (text, action) => (action?.kind === "subscribe" && action.step === "time" ? action.minutes : text === undefined ? undefined : parseTime(text)),
      (c) => say(c, "subscribe-bad-time", { text: escapeHtml(cutText(c.message?.text ?? "", 30)) }, [...timeButtons, cancelRow(c)]),
    );
    if (minutes === undefined) return void (await cancelled(ctx));

    const zoneButtons = chunk(
      COMMON_ZONES.map((z, index) => ({ text: zoneLabel(ctx, z), callback_data: encode({ kind: "subscribe", step: "zone", index }) })),
      3,
    );
    await say(ctx, "subscribe-ask-zone", {}, [...zoneButtons, cancelRow(ctx)]);
    const zone = await ask(
      conversation,
      (text, action) => (action?.kind === "subscribe" && action.step === "zone" ? COMMON_ZONES[action.index] : text === undefined ? undefined : parseZone(text).zone),
      (c) =>
        c.reply(directed(c.view.lang, `${c.t("subscribe-bad-zone", { text: escapeHtml(cutText(c.message?.text ?? "", 40)) })}\n${zoneSuggestions(c, suggestionsFor(c.message?.text))}`), {
          reply_markup: { inline_keyboard: [...zoneButtons, cancelRow(c)] },
        }),
    );
    if (zone === undefined) return void (await cancelled(ctx));

    const allTopics = [{ text: ctx.t("button-all-topics"), callback_data: encode({ kind: "subscribe", step: "all-topics" }) }];
    await say(ctx, "subscribe-ask-topic", {}, [allTopics, cancelRow(ctx)]);
    const topic = await ask<string>(
      conversation,
      (text, action) =>
        action?.kind === "subscribe" && action.step === "all-topics" ? "" : text && text.length <= TOPIC_MAX && hasSearchableScript(text) ? text : undefined,
      (c) => say(c, "subscribe-bad-topic", {}, [allTopics, cancelRow(c)]),
    );
    if (topic === undefined) return void (await cancelled(ctx));

    const summary = subscriptionVars(ctx, minutes, zone, topic);
    await say(ctx, "subscribe-confirm", summary, [
      [{ text: ctx.t("button-confirm"), callback_data: encode({ kind: "subscribe", step: "confirm" }) }, ...cancelRow(ctx)],
    ]);
    const confirmed = await ask(
      conversation,
      (text, action) => (action?.kind === "subscribe" && action.step === "confirm" ? true : undefined),
      (c) => say(c, "subscribe-confirm", summary, [[{ text: c.t("button-confirm"), callback_data: encode({ kind: "subscribe", step: "confirm" }) }, ...cancelRow(c)]]),
    );
    if (!confirmed) return void (await cancelled(ctx));

    const first = await conversation.external(async () => {
      const previous = await deps.stores.subscriptions.getSubscription(chatId);
      return saveSubscription(deps.stores, {
        chatId,
        userId,
        minutes,
        timeZone: zone,
        ...(topic ? { topic } : {}),
        paused: false,
        notifyEmpty: previous?.notifyEmpty ?? false,
        language: ctx.view.lang,
        active: true,
      }, new Date(deps.clock.now()));
    });
    await ctx.reply(directed(ctx.view.lang, doneMessage(ctx, { minutes, zone, topic }, first)));
  };
}
