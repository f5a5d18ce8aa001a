/**
 * `/start` payloads (at most 64 characters of A-Z a-z 0-9 _ -): open a paragraph, an article, or a stored query.
 * Anything else is not a link this build made, and the reader gets the normal welcome.
 */
export type DeepLink =
  | { kind: "paragraph"; articleId: string; paragraph: number }
  | { kind: "article"; articleId: string }
  | { kind: "query"; queryId: string };

export function encodeDeepLink(link: DeepLink): string {
  switch (link.kind) {
    case "paragraph":
      return `p_${link.articleId}_${link.paragraph}`;
    case "article":
      return `a_${link.articleId}`;
    case "query":
      return `q_${link.queryId}`;
  }
}

export function decodeDeepLink(payload: string): DeepLink | undefined {
  if (payload.length > 64 || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  let m = /^p_([A-Za-z0-9]{8})_([1-9]\d{0,4})$/.exec(payload);
  if (m) return { kind: "paragraph", articleId: m[1]!, paragraph: Number(m[2]) };
  m = /^a_([A-Za-z0-9]{8})$/.exec(payload);
  if (m) return { kind: "article", articleId: m[1]! };
  m = /^q_([A-Za-z0-9_-]{10})$/.exec(payload);
  if (m) return { kind: "query", queryId: m[1]! };
  return undefined;
}

export function startLink(botUsername: string, link: DeepLink): string {
  return `https://t.me/${botUsername}?start=${encodeDeepLink(link)}`;
}
