/**
 * What every message the bot sends has in common, set once: Telegram HTML (every renderer escapes for it) and no
 * link previews (citations are links, and a preview card would push the answer off screen).
 */
import type { Transformer } from "grammy";

const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);

export function messageDefaults(): Transformer {
  return (prev, method, payload, signal) => {
    if (!TEXT_METHODS.has(method)) return prev(method, payload, signal);
    const p = payload as Record<string, unknown>;
    return prev(method, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...p } as typeof payload, signal);
  };
}
