/** `npm run emulator`: a local Bot API on 127.0.0.1 for `npm start` without Telegram. */
import { readEmulatorConfig } from "../config.js";
import { startLocalServer } from "./server.js";

const { token, port } = readEmulatorConfig();
const server = await startLocalServer(token, undefined, port);
server.api.onCall((c) => process.stdout.write(`${c.ok ? "→" : "⛔"} ${c.method} ${c.ok ? "" : c.description}\n`));
process.stdout.write(
  `local Bot API at ${server.url}\n  run the bot against it: BOT_TOKEN=${token} TELEGRAM_API_ROOT=${server.url} npm start\n` +
    `  send it an update:      curl -s ${server.url}/_local/updates -H 'content-type: application/json' -d '{"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private","first_name":"A"},"from":{"id":5,"is_bot":false,"first_name":"A"},"text":"بوتين"}}'\n`,
);
