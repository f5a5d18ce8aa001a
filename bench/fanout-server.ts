/** The local Bot API in a process of its own, rate-limited, for the fan-out benchmark: prints its URL. */
import { LocalBotApi } from "../src/local-api/local-api.js";
import { startLocalServer } from "../src/local-api/server.js";

const [token, limit] = [process.argv[2]!, Number(process.argv[3])];
const api = new LocalBotApi();
api.rateLimitPerSecond = limit;
const server = await startLocalServer(token, api);
process.stdout.write(`${server.url}\n`);
