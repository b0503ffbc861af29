import { expect } from 'chai';
import { createFetchTransport } from '../src/index.js';

/** A fetch that answers from a table and records what was asked. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  }) as typeof fetch;
  return { calls, fetchFn };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('@fallkit/sync fetch transport', () => {
  it('DP-40: sends the bearer token, never an actor; parses the answer with the core schemas', async () => {
    const { calls, fetchFn } = fakeFetch(() =>
      json({ results: [{ commandId: 'command-1', status: 'applied', seq: 2 }], position: 7 }),
    );
    const transport = createFetchTransport({
      baseUrl: 'http://127.0.0.1:7200/',
      token: async () => 'tok-123',
      fetch: fetchFn,
    });
    const pushed = await transport.push({
      commands: [
        { commandId: 'command-1', baseSeq: 1, command: { type: 'recordNote', caseId: 'F-1', input: { text: 'x' } } },
      ],
    });
    expect(pushed.ok && pushed.value.position).to.equal(7);
    expect(calls[0]!.url).to.equal('http://127.0.0.1:7200/fallkit/v1/commands');
    expect((calls[0]!.init.headers as Record<string, string>)['authorization']).to.equal('Bearer tok-123');
    expect(String(calls[0]!.init.body)).to.not.include('actor');
  });

  it('turns a network failure into SYNC_OFFLINE, an error body into the server refusals, a malformed answer into SYNC_ANSWER_MALFORMED', async () => {
    const offline = createFetchTransport({
      baseUrl: 'http://127.0.0.1:7200',
      token: () => 't',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    const down = await offline.feed(0, 10);
    expect(!down.ok && down.errors[0]!.code).to.equal('SYNC_OFFLINE');
    const expired = createFetchTransport({
      baseUrl: 'http://127.0.0.1:7200',
      token: () => 't',
      fetch: fakeFetch(() =>
        json(
          { errors: [{ code: 'SYNC_TOKEN_EXPIRED', rule: 'SYNC', message: { de: 'Abgelaufen.', en: 'Expired.' } }] },
          401,
        ),
      ).fetchFn,
    });
    const refused = await expired.feed(0, 10);
    expect(!refused.ok && refused.errors[0]).to.deep.include({ code: 'SYNC_TOKEN_EXPIRED' });
    const garbled = createFetchTransport({
      baseUrl: 'http://127.0.0.1:7200',
      token: () => 't',
      fetch: fakeFetch(() => json({ changes: 'nope', position: -1 })).fetchFn,
    });
    const bad = await garbled.feed(0, 10);
    expect(!bad.ok && bad.errors[0]!.code).to.equal('SYNC_ANSWER_MALFORMED');
    const status500 = createFetchTransport({
      baseUrl: 'http://127.0.0.1:7200',
      token: () => 't',
      fetch: fakeFetch(() => new Response('oops', { status: 502 })).fetchFn,
    });
    const gateway = await status500.push({ commands: [] as never });
    expect(!gateway.ok && gateway.errors[0]!.message.en).to.include('HTTP 502');
  });

  it('reads the live positions from an SSE stream through fetch (with the token), ignoring comments and other events', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const enc = new TextEncoder();
        controller.enqueue(enc.encode(': keep-alive\n\nevent: position\ndata: {"position": 4}\n\n'));
        controller.enqueue(enc.encode('event: other\ndata: {"position": 99}\n\nevent: position\nda'));
        controller.enqueue(enc.encode('ta: {"position": 5}\n\nevent: position\ndata: not json\n\n'));
        controller.close();
      },
    });
    const { calls, fetchFn } = fakeFetch(
      () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    );
    const transport = createFetchTransport({ baseUrl: 'http://127.0.0.1:7200', token: () => 'tok', fetch: fetchFn });
    const positions: number[] = [];
    await new Promise<void>((resolve) => transport.live!((p) => positions.push(p), resolve));
    expect(positions).to.deep.equal([4, 5]);
    expect(calls[0]!.url).to.equal('http://127.0.0.1:7200/fallkit/v1/events');
    expect((calls[0]!.init.headers as Record<string, string>)['authorization']).to.equal('Bearer tok');
  });

  it("DP-28, DP-40: the access log goes up as { entries } with the bearer token and no actor; the server's counts are parsed, a refusal keeps its code and path", async () => {
    const entry = {
      caseId: 'F-1',
      actorId: 'u-1',
      role: 'caseManager' as const,
      agencyId: 'a-1',
      purpose: 'caseManagement',
      categories: [],
      outcome: 'allow' as const,
      redacted: 0,
      breakGlass: false,
      at: '2026-03-02T10:00:00.000Z',
      entryId: 'access-1',
    };
    const answers = [
      json({ recorded: 1, replayed: 0 }),
      json({ recorded: -1, replayed: 0 }),
      json(
        {
          errors: [
            {
              code: 'ACCESS_LOG_UPLOAD_FOREIGN',
              rule: 'DP-40',
              path: ['entries', 0],
              message: { de: 'Nur eigene Zugriffe.', en: 'Own accesses only.' },
            },
          ],
        },
        403,
      ),
    ];
    const { calls, fetchFn } = fakeFetch(() => answers.shift()!);
    const transport = createFetchTransport({ baseUrl: 'http://127.0.0.1:7200', token: () => 'tok', fetch: fetchFn });
    const sent = await transport.uploadAccessLog!([entry]);
    expect(sent.ok && sent.value).to.deep.equal({ recorded: 1, replayed: 0 });
    expect(calls[0]!.url).to.equal('http://127.0.0.1:7200/fallkit/v1/access-log');
    expect(calls[0]!.init.method).to.equal('POST');
    expect((calls[0]!.init.headers as Record<string, string>)['authorization']).to.equal('Bearer tok');
    expect(JSON.parse(String(calls[0]!.init.body))).to.deep.equal({ entries: [entry] });
    const garbled = await transport.uploadAccessLog!([entry]);
    expect(!garbled.ok && garbled.errors[0]!.code).to.equal('SYNC_ANSWER_MALFORMED');
    const foreign = await transport.uploadAccessLog!([entry]);
    expect(!foreign.ok && foreign.errors[0]).to.deep.include({ code: 'ACCESS_LOG_UPLOAD_FOREIGN', rule: 'DP-40' });
    expect(!foreign.ok && foreign.errors[0]!.path).to.deep.equal(['entries', 0]);
  });
});
