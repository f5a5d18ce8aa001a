import { Composer } from "grammy";
import type { Transformer } from "grammy";
import type { BotContext, Deps } from "../context.js";
import { replyToText } from "../helpers/answer.js";
import { addressedToBot, inGroup } from "../helpers/chat.js";
import { directed } from "../../render/bidi.js";

const GROUP_TYPES: Array<"group" | "supergroup"> = ["group", "supergroup"];

/** In groups, what the bot sends in answer to a message replies to that message. */
function replyToTrigger(chatId: number, messageId: number): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as Record<string, unknown>;
    if (method === "sendMessage" && p.chat_id === chatId && p.reply_parameters === undefined) {
      return prev(method, { ...payload, reply_parameters: { message_id: messageId, allow_sending_without_reply: true } } as typeof payload, signal);
    }
    return prev(method, payload, signal);
  };
}

function introduce(ctx: BotContext) {
  return ctx.reply(directed(ctx.view.lang, ctx.t("group-intro", { bot: ctx.me.username })));
}

/** Group and supergroup chats: answers only when asked, replying to the asker; an introduction when added. */
export function groupsFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const groups = c.chatType(GROUP_TYPES);

  groups.use((ctx, next) => {
    if (ctx.message) ctx.api.config.use(replyToTrigger(ctx.chat.id, ctx.message.message_id));
    return next();
  });

  c.on("my_chat_member", async (ctx) => {
    if (!inGroup(ctx)) return;
    const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    const wasIn = ["member", "administrator", "creator", "restricted"].includes(before.status);
    const isIn = ["member", "administrator", "creator", "restricted"].includes(after.status);
    if (!wasIn && isIn) {
      await deps.stores.chats.rememberChat(ctx.chat!.id, ctx.chat!.type);
      await introduce(ctx);
    } else if (wasIn && !isIn) {
      await deps.stores.chats.forgetChat(ctx.chat!.id);
    }
  });

  groups.on("message:migrate_to_chat_id", async (ctx) => {
    await deps.stores.chats.migrateChat(ctx.chat.id, ctx.message.migrate_to_chat_id);
    ctx.log.info({ from: ctx.chat.id, to: ctx.message.migrate_to_chat_id }, "group became a supergroup; chat moved");
  });

  groups
    .on("message:text")
    .filter((ctx) => !ctx.message.text.startsWith("/") && addressedToBot(ctx))
    .use(async (ctx) => {
      const question = ctx.message.text.replace(new RegExp(`@${ctx.me.username}\\b`, "gi"), " ").trim();
      if (!question) return introduce(ctx);
      await replyToText(ctx, deps, question);
    });

  return c;
}
