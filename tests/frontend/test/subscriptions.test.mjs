// Live updates with the frontend's own subscription client (graphql-ws over the `ws` socket):
// each role receives exactly the record events it may see.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { post, startServer } from '../lib/server.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

const EVENTS = 'subscription { recordEvents { kind title disclosure recordId } }';

/** Subscribes as `token`; resolves once the server acknowledged the connection. */
async function listen(token) {
  const heard = [];
  let acknowledged;
  const ready = new Promise((resolve) => (acknowledged = resolve));
  const client = createClient({
    url: server.url.replace('http://', 'ws://'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    on: { connected: () => acknowledged() },
    retryAttempts: 0,
  });
  client.subscribe({ query: EVENTS }, { next: (message) => heard.push(message), error: () => {}, complete: () => {} });
  await ready;
  return { heard, client };
}

test('each role hears exactly the record events it may see', async () => {
  const listeners = {
    LEADER: await listen(server.tokens.LEADER),
    UNIT_CLERK: await listen(server.tokens.UNIT_CLERK),
    EVALUATOR: await listen(server.tokens.EVALUATOR),
  };
  await new Promise((resolve) => setTimeout(resolve, 600));
  const units = await post(server, server.tokens.CREDIT_OFFICE, '{ units(first: 100) { nodes { id shortName } } }');
  const finance = units.body.data.units.nodes.find((u) => u.shortName === '县财政局');
  const day = new Date().toISOString().slice(0, 10);
  const created = await post(
    server,
    server.tokens.CREDIT_OFFICE,
    'mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }',
    {
      i: {
        unitId: finance.id, polarity: 'DISHONESTY', category: 'ADMINISTRATIVE_PENALTY', severity: 'GENERAL',
        title: '前端订阅测试', facts: '事实', decidingAuthority: '德化县人民政府', occurredOn: day, decidedOn: day,
        disclosure: 'SHARED',
      },
    },
  );
  assert.equal(created.body.errors, undefined, JSON.stringify(created.body));
  const id = created.body.data.createCreditRecord.record.id;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const ours = (role) => listeners[role].heard.filter((m) => m.data?.recordEvents?.recordId === id);
  assert.equal(ours('LEADER').length, 1);
  assert.equal(ours('LEADER')[0].data.recordEvents.kind, 'CREATED');
  assert.equal(ours('EVALUATOR').length, 1, 'a SHARED unit record');
  assert.equal(ours('UNIT_CLERK').length, 0, "another unit's SHARED record");
  for (const { client } of Object.values(listeners)) await client.dispose();
});
