/**
 * The published Bot API specification as a check on every call the bot makes: the method exists, required
 * fields are present, no unknown fields, types and the length limits stated in the field descriptions.
 * The file lives outside the repository; when it is absent, loadSpec() returns undefined and tests skip.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CallCheck } from "../../src/local-api/local-api.js";

interface Field {
  name: string;
  types: string[];
  required: boolean;
  description: string;
}
interface Def {
  name: string;
  fields?: Field[];
  description?: string[];
}
export interface Spec {
  version: string;
  methods: Record<string, Def>;
  types: Record<string, Def>;
}

export const SPEC_PATH =
  process.env.BOT_API_SPEC ?? fileURLToPath(new URL("../../../shared/telegram-bot-api/api.min.json", import.meta.url));

export function loadSpec(): Spec | undefined {
  return existsSync(SPEC_PATH) ? (JSON.parse(readFileSync(SPEC_PATH, "utf8")) as Spec) : undefined;
}

function limits(description: string): { chars?: [number, number]; bytes?: [number, number] } {
  const out: { chars?: [number, number]; bytes?: [number, number] } = {};
  const c = /(\d+)-(\d+) characters/i.exec(description);
  if (c && !/after entit/i.test(description)) out.chars = [Number(c[1]), Number(c[2])];
  const b = /(\d+)-(\d+) bytes/i.exec(description);
  if (b) out.bytes = [Number(b[1]), Number(b[2])];
  return out;
}

function variants(def: Def): string[] {
  return (def.description ?? []).filter((l) => l.startsWith("- ")).map((l) => l.slice(2).trim());
}

export class SpecChecker {
  constructor(private readonly spec: Spec) {}

  readonly check: CallCheck = (method, params) => {
    const def = this.spec.methods[method];
    if (!def) return `Not Found: ${method} is not a method of ${this.spec.version}`;
    return this.fields(def, params, method);
  };

  private fields(def: Def, value: Record<string, unknown>, path: string): string | undefined {
    const fields = def.fields ?? [];
    for (const f of fields) {
      if (f.required && value[f.name] === undefined) return `Bad Request: ${path}.${f.name} is required`;
    }
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const f = fields.find((x) => x.name === key);
      if (!f) return `Bad Request: ${path}.${key} is not a field of ${def.name}`;
      const must = /must be (\w+)/.exec(f.description);
      if (f.name === "type" && must && v !== must[1]) return `Bad Request: ${path}.type must be ${must[1]}`;
      const problem = this.anyType(f.types, v, `${path}.${key}`, f.description);
      if (problem) return problem;
    }
    return undefined;
  }

  private anyType(types: string[], v: unknown, path: string, description: string): string | undefined {
    const problems = types.map((t) => this.type(t, v, path, description));
    return problems.every((p) => p !== undefined) ? problems[0] : undefined;
  }

  private type(t: string, v: unknown, path: string, description: string): string | undefined {
    if (t.startsWith("Array of ")) {
      if (!Array.isArray(v)) return `Bad Request: ${path} must be an array`;
      for (const [i, item] of v.entries()) {
        const p = this.type(t.slice("Array of ".length), item, `${path}[${i}]`, description);
        if (p) return p;
      }
      return undefined;
    }
    switch (t) {
      case "String": {
        if (typeof v !== "string") return `Bad Request: ${path} must be a string`;
        const { chars, bytes } = limits(description);
        if (chars && (v.length < chars[0] || v.length > chars[1])) return `Bad Request: ${path} must be ${chars[0]}-${chars[1]} characters`;
        const n = Buffer.byteLength(v);
        if (bytes && (n < bytes[0] || n > bytes[1])) return `Bad Request: ${path} must be ${bytes[0]}-${bytes[1]} bytes`;
        return undefined;
      }
      case "Integer":
        return Number.isInteger(v) ? undefined : `Bad Request: ${path} must be an integer`;
      case "Float":
        return typeof v === "number" ? undefined : `Bad Request: ${path} must be a number`;
      case "Boolean":
        return typeof v === "boolean" ? undefined : `Bad Request: ${path} must be a boolean`;
      case "True":
        return v === true ? undefined : `Bad Request: ${path} must be true`;
      case "InputFile":
        return undefined;
    }
    const def = this.spec.types[t];
    if (!def) return `Bad Request: ${path} has unknown type ${t}`;
    if (typeof v !== "object" || v === null || Array.isArray(v)) return `Bad Request: ${path} must be an object (${t})`;
    const subtypes = variants(def);
    if (!def.fields && subtypes.length > 0) {
      const problems = subtypes.map((s) => this.type(s, v, path, ""));
      return problems.some((p) => p === undefined) ? undefined : `Bad Request: ${path} matches no kind of ${t} (${problems[0]})`;
    }
    return this.fields(def, v as Record<string, unknown>, path);
  }
}
