// A browser app on another origin: its CORS preflight is answered and cached, and its POST gets
// the headers it needs; an origin not configured gets none.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ORIGIN, post, startServer } from '../lib/server.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

test('the preflight is answered for the configured origin and cached', async () => {
  const response = await fetch(server.url, {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
  assert.ok(response.status === 200 || response.status === 204, `status ${response.status}`);
  assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
  const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  assert.ok(allowed.includes('authorization') && allowed.includes('content-type'), allowed);
  assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
  assert.equal(response.headers.get('access-control-max-age'), '600');
  assert.equal(response.headers.get('access-control-allow-credentials'), null, 'no credentials');
});

test('a cross-origin POST gets its origin back and may read x-request-id', async () => {
  const { status, headers, body } = await post(server, server.tokens.CREDIT_OFFICE, '{ me { role } }', {}, {
    origin: ORIGIN,
  });
  assert.equal(status, 200);
  assert.equal(body.data.me.role, 'CREDIT_OFFICE');
  assert.equal(headers.get('access-control-allow-origin'), ORIGIN);
  assert.match(headers.get('access-control-expose-headers') ?? '', /x-request-id/i);
  assert.ok(headers.get('x-request-id'));
  assert.equal(headers.get('cache-control'), 'no-store', 'a signed-in answer is not cached');
});

test('an origin that is not configured gets no CORS headers', async () => {
  const { headers } = await post(server, null, '{ me { anonymous } }', {}, { origin: 'http://elsewhere.example' });
  assert.equal(headers.get('access-control-allow-origin'), null);
});
