import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext } from "../context.js";
import { encode } from "../../render/callback-data.js";

export const EXAMPLE_COUNT = 3;

/** The example questions of the reader's language, one button a row. */
export function exampleButtons(ctx: BotContext): InlineKeyboardButton[][] {
  return Array.from({ length: EXAMPLE_COUNT }, (_, index) => [{ text: ctx.t(`example-${index + 1}`), callback_data: encode({ kind: "example", index }) }]);
}
