/** Telegram HTML: escaping, highlighting, and cutting messages to Telegram's limits. Pure functions. */
import type { Range } from "../briefing/types.js";

export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Escape text and wrap the given ranges in <b>. Ranges must be sorted and not overlap. */
export function highlight(text: string, ranges: readonly Range[]): string {
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    out += escapeHtml(text.slice(at, start)) + `<b>${escapeHtml(text.slice(start, end))}</b>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * A window of about `max` characters around the first highlighted word, cut at word boundaries, with the
 * ranges moved to match. The whole text when it fits.
 */
export function snippet(text: string, ranges: readonly Range[], max: number): { text: string; ranges: Range[] } {
  if (text.length <= max) return { text, ranges: [...ranges] };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + max / 2) end = space;
  }
  const lead = start > 0 ? "… " : "";
  const tail = end < text.length ? " …" : "";
  const shift = lead.length - start;
  const kept = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Range => [s + shift, e + shift]);
  return { text: lead + text.slice(start, end) + tail, ranges: kept };
}

/** Length of the text a reader sees: tags removed, entities decoded (what Telegram counts). */
export function visibleLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|amp|quot);|&#x?[0-9a-f]+;/gi, "x").length;
}

/**
 * Join blocks with blank lines into messages under the limit, breaking only between blocks. A block that is
 * too long on its own is broken at spaces (its tags dropped, its text kept).
 */
export function splitMessages(blocks: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const pieces = blocks.flatMap((b) => (visibleLength(b) <= limit ? [b] : breakLongBlock(b, limit)));
  const out: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current ? `${current}\n\n${piece}` : piece;
    if (visibleLength(joined) <= limit) current = joined;
    else {
      if (current) out.push(current);
      current = piece;
    }
  }
  if (current) out.push(current);
  return out;
}

function breakLongBlock(html: string, limit: number): string[] {
  const plain = html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const parts: string[] = [];
  let rest = plain;
  while (rest.length > 0) {
    let cut = rest.length;
    while (escapeHtml(rest.slice(0, cut)).length > limit || cut > limit) {
      const space = rest.lastIndexOf(" ", Math.min(cut - 1, limit));
      cut = space > limit / 2 ? space : Math.min(cut - 1, limit);
    }
    parts.push(escapeHtml(rest.slice(0, cut).trim()));
    rest = rest.slice(cut).trim();
  }
  return parts.filter(Boolean);
}

/** Cut plain text to max characters at a word boundary (Telegram limits on titles, descriptions, alerts). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never end on the first half of a surrogate pair (an emoji): alone it is not UTF-8, and Telegram refuses it.
  const slice = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, "");
  const space = slice.lastIndexOf(" ");
  return `${(space > max / 2 ? slice.slice(0, space) : slice).trimEnd()}…`;
}

/**
 * The part [start, end) of a text to show, with "… " where it was cut and the highlighted ranges inside it moved
 * to match (the window comes from the answer model, cut around the words that answer).
 */
export function windowed(text: string, window: Range, ranges: readonly Range[]): { text: string; ranges: Range[] } {
  const [start, end] = window;
  const lead = start > 0 ? "… " : "";
  const tail = end < text.length ? " …" : "";
  const shift = lead.length - start;
  const kept = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Range => [s + shift, e + shift]);
  return { text: lead + text.slice(start, end) + tail, ranges: kept };
}
