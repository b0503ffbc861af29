/** One Server-Sent Events message. */
export interface ServerSentMessage {
  readonly event: string;
  readonly data: string;
}

/** The longest line kept; a longer one is cut (an SSE position message is a few bytes). */
const MAX_LINE = 64 * 1024;

/**
 * Reads a `text/event-stream` body (WHATWG HTML, "Server-sent events") and calls `onMessage` for each
 * message. `EventSource` cannot send an `Authorization` header, so the stream is read through `fetch`.
 * Resolves when the stream ends.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: ServerSentMessage) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  const line = (raw: string) => {
    if (raw === '') {
      if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (raw.startsWith(':')) return;
    const colon = raw.indexOf(':');
    const field = colon < 0 ? raw : raw.slice(0, colon);
    const value = colon < 0 ? '' : raw.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = (lines.pop() ?? '').slice(-MAX_LINE);
    for (const raw of lines) line(raw);
  }
}
