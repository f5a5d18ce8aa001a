/**
 * Parses text in Telegram's HTML parse mode as Telegram does: only its tags, every tag closed in order, every
 * < > & escaped unless part of a tag or entity. Returns the plain text and entities, or the error Telegram gives.
 */
export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export type ParseResult = { ok: true; text: string; entities: Entity[] } | { ok: false; error: string };

const TAGS: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  a: "text_link",
  code: "code",
  pre: "pre",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export function parseTelegramHtml(html: string): ParseResult {
  let text = "";
  const entities: Entity[] = [];
  const open: Array<{ tag: string; start: number; entity: Entity }> = [];
  const fail = (what: string, at: number): ParseResult => ({
    ok: false,
    error: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, at))}`,
  });
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) return fail("unclosed start tag", i);
      const raw = html.slice(i + 1, end);
      if (raw.startsWith("/")) {
        const name = raw.slice(1).trim().toLowerCase();
        const top = open.pop();
        if (!top || top.tag !== name) return fail(`unmatched end tag "${name}"`, i);
        top.entity.length = text.length - top.start;
        if (top.entity.length > 0) entities.push(top.entity);
      } else {
        const m = /^([a-z-]+)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*$/i.exec(raw);
        const name = m?.[1]?.toLowerCase();
        if (!m || !name || !(name in TAGS)) return fail(`unsupported start tag "${name ?? raw}"`, i);
        const attrs = Object.fromEntries(
          [...m[2]!.matchAll(/([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gi)].map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ""]),
        );
        if (name === "a" && !attrs.href) return fail('tag "a" must have attribute "href"', i);
        if (name === "span" && attrs.class !== "tg-spoiler") return fail('tag "span" must have class "tg-spoiler"', i);
        const entity: Entity = { type: TAGS[name]!, offset: text.length, length: 0 };
        if (name === "a") entity.url = decode(attrs.href!);
        open.push({ tag: name, start: text.length, entity });
      }
      i = end + 1;
    } else if (ch === "&") {
      const m = /^&(?:([a-z]+)|#(\d{1,7})|#x([0-9a-f]{1,6}));/i.exec(html.slice(i, i + 12));
      if (!m || (m[1] && !(m[1].toLowerCase() in NAMED))) return fail('unescaped "&" or unknown entity', i);
      text += m[1] ? NAMED[m[1].toLowerCase()] : String.fromCodePoint(m[2] ? Number(m[2]) : parseInt(m[3]!, 16));
      i += m[0].length;
    } else if (ch === ">") {
      return fail('unescaped ">"', i);
    } else {
      text += ch;
      i++;
    }
  }
  if (open.length > 0) return fail(`can't find end tag corresponding to start tag "${open[open.length - 1]!.tag}"`, html.length);
  entities.sort((a, b) => a.offset - b.offset);
  return { ok: true, text, entities };
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot);/g, (_, n: string) => NAMED[n]!);
}
