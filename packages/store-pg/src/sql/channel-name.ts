/** `LISTEN` takes an identifier, not a parameter: only plain lower-case names are accepted, so nothing is quoted. */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws for a channel name that is not a plain lower-case identifier (a programming error, never user input). */
export function checkChannelName(channel: string): string {
  if (!CHANNEL.test(channel)) throw new TypeError(`not a plain channel name: ${JSON.stringify(channel)}`);
  return channel;
}
