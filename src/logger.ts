import pino, { type Logger } from "pino";

export type { Logger };

/** One logger for the process; the bot token never reaches a log line. */
export function createLogger(level: string, token?: string, destination?: pino.DestinationStream): Logger {
  const scrub = (s: string) => (token ? s.split(token).join("<redacted>") : s);
  return pino(
    {
      level,
      base: { app: "mujaz" },
      redact: { paths: ["token", "botToken", "config.botToken", "*.token", "*.botToken"], censor: "<redacted>" },
      serializers: {
        err: (err: unknown) => {
          const e = pino.stdSerializers.err(err as Error);
          if (e && typeof e.message === "string") e.message = scrub(e.message);
          if (e && typeof e.stack === "string") e.stack = scrub(e.stack);
          return e;
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
