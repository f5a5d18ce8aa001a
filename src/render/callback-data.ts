/**
 * Callback data: short, versionless strings under Telegram's 64 bytes, parsed strictly. Anything that does not
 * parse (forged, or from an older build) is `undefined`, and the handler answers that the button has expired.
 */
export type Action =
  | { kind: "open"; articleId: string; paragraph: number }
  | { kind: "goto"; articleId: string; paragraph: number }
  | { kind: "page"; queryId: string; offset: number }
  | { kind: "read"; articleId: string; part: number }
  | { kind: "summary"; articleId: string }
  | { kind: "example"; index: number }
  | { kind: "language"; language: "ar" | "en" }
  | { kind: "sources"; page: number }
  /** A choice inside the /subscribe conversation. */
  | { kind: "subscribe"; step: "time"; minutes: number }
  | { kind: "subscribe"; step: "zone"; index: number }
  | { kind: "subscribe"; step: "all-topics" | "confirm" | "cancel" }
  /** A button under /settings. */
  | { kind: "settings"; op: SettingsOp };

/** "off" asks to confirm, "off-yes" unsubscribes, "show" goes back to the settings. */
export type SettingsOp = "pause" | "resume" | "empty-on" | "empty-off" | "edit" | "off" | "off-yes" | "show";
const SETTINGS_OPS: readonly SettingsOp[] = ["pause", "resume", "empty-on", "empty-off", "edit", "off", "off-yes", "show"];

const ID = "[A-Za-z0-9]{8}";
const QID = "[A-Za-z0-9_-]{10}";
const NUM = "(0|[1-9]\\d{0,4})";

const patterns: Array<[RegExp, (m: RegExpExecArray) => Action | undefined]> = [
  [new RegExp(`^o:(${ID}):${NUM}$`), (m) => ({ kind: "open", articleId: m[1]!, paragraph: Number(m[2]) })],
  [new RegExp(`^g:(${ID}):${NUM}$`), (m) => ({ kind: "goto", articleId: m[1]!, paragraph: Number(m[2]) })],
  [new RegExp(`^p:(${QID}):${NUM}$`), (m) => ({ kind: "page", queryId: m[1]!, offset: Number(m[2]) })],
  [new RegExp(`^r:(${ID}):${NUM}$`), (m) => ({ kind: "read", articleId: m[1]!, part: Number(m[2]) })],
  [new RegExp(`^s:(${ID})$`), (m) => ({ kind: "summary", articleId: m[1]! })],
  [new RegExp(`^x:([0-9])$`), (m) => ({ kind: "example", index: Number(m[1]) })],
  [/^l:(ar|en)$/, (m) => ({ kind: "language", language: m[1] as "ar" | "en" })],
  [new RegExp(`^src:${NUM}$`), (m) => ({ kind: "sources", page: Number(m[1]) })],
  [/^u:t:([0-9]{1,4})$/, (m) => (Number(m[1]) < 1440 ? { kind: "subscribe", step: "time", minutes: Number(m[1]) } : undefined)],
  [/^u:z:([0-9])$/, (m) => ({ kind: "subscribe", step: "zone", index: Number(m[1]) })],
  [/^u:(all|ok|x)$/, (m) => ({ kind: "subscribe", step: m[1] === "all" ? "all-topics" : m[1] === "ok" ? "confirm" : "cancel" })],
  [/^d:([a-z-]+)$/, (m) => (SETTINGS_OPS.includes(m[1] as SettingsOp) ? { kind: "settings", op: m[1] as SettingsOp } : undefined)],
];

export function encode(action: Action): string {
  switch (action.kind) {
    case "open":
      return `o:${action.articleId}:${action.paragraph}`;
    case "goto":
      return `g:${action.articleId}:${action.paragraph}`;
    case "page":
      return `p:${action.queryId}:${action.offset}`;
    case "read":
      return `r:${action.articleId}:${action.part}`;
    case "summary":
      return `s:${action.articleId}`;
    case "example":
      return `x:${action.index}`;
    case "language":
      return `l:${action.language}`;
    case "sources":
      return `src:${action.page}`;
    case "subscribe":
      if (action.step === "time") return `u:t:${action.minutes}`;
      if (action.step === "zone") return `u:z:${action.index}`;
      return `u:${action.step === "all-topics" ? "all" : action.step === "confirm" ? "ok" : "x"}`;
    case "settings":
      return `d:${action.op}`;
  }
}

export function decode(data: string | undefined): Action | undefined {
  if (!data || data.length > 64) return undefined;
  for (const [re, make] of patterns) {
    const m = re.exec(data);
    if (m) return make(m);
  }
  return undefined;
}

/** The prefix each kind of action is encoded with. */
const PREFIX: Record<Action["kind"], string> = {
  open: "o",
  goto: "g",
  page: "p",
  read: "r",
  summary: "s",
  example: "x",
  language: "l",
  sources: "src",
  subscribe: "u",
  settings: "d",
};

/** The callback_data a handler listens on: the actions of these kinds (the codec owns its prefixes). */
export function actionFilter(...kinds: ReadonlyArray<Action["kind"]>): RegExp {
  return new RegExp(`^(${kinds.map((k) => PREFIX[k]).join("|")}):`);
}
