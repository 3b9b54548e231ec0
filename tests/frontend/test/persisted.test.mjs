// Apollo's automatic persisted queries, with Apollo's own link: the first run sends the hash,
// hears PERSISTED_QUERY_NOT_FOUND and resends with the query; the next run sends the hash alone.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';
import { operations } from '../lib/apollo.mjs';
import { startServer } from '../lib/server.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

test('a hash alone works once the query was sent', async () => {
  const sent = [];
  const recording = (url, init) => {
    sent.push(JSON.parse(init.body));
    return fetch(url, init);
  };
  const link = createPersistedQueryLink({ sha256: (text) => createHash('sha256').update(text).digest('hex') }).concat(
    new HttpLink({ uri: server.url, fetch: recording }),
  );
  const client = () => new ApolloClient({ link, cache: new InMemoryCache(), defaultOptions: { query: { fetchPolicy: 'network-only' } } });
  const { PortalSearch } = operations('portal');
  const first = await client().query({ query: PortalSearch, variables: { first: 3 } });
  assert.equal(first.data.publicRecords.edges.length, 3);
  assert.equal(sent.length, 2, 'hash, then hash with the query');
  assert.equal(sent[0].query, undefined);
  assert.ok(sent[1].query);
  const again = await client().query({ query: PortalSearch, variables: { first: 3 } });
  assert.deepEqual(again.data, first.data);
  assert.equal(sent.length, 3, 'the hash alone');
  assert.equal(sent[2].query, undefined);
  assert.ok(sent[2].extensions.persistedQuery.sha256Hash);
});
