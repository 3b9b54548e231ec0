// Each role's schema, loaded from the URL the way codegen, graphql-inspector and GraphiQL load it
// (graphql-js `getIntrospectionQuery()`, with every option on and off), builds and validates, and
// equals what `chengxin schema --role R` prints. The circular-introspection attack is refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  validateSchema,
} from 'graphql';
import { cliSchema, post, ROLES, startServer } from '../lib/server.mjs';

let server;
before(async () => {
  server = await startServer({ CHENGXIN_ANONYMOUS_INTROSPECTION: 'true' });
});
after(() => server?.stop());

const ALL_OPTIONS = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
};

const printed = (schema) => printSchema(lexicographicSortSchema(schema));

/** Equal texts, or a failure that shows the first lines where they part. */
function assertSameLines(offline, live, role) {
  if (offline === live) return;
  const [a, b] = [offline.split('\n'), live.split('\n')];
  const at = a.findIndex((line, index) => line !== b[index]);
  const context = (lines) => lines.slice(Math.max(0, at - 5), at + 5).join('\n');
  assert.fail(`${role}: chengxin schema --role differs from live introspection at line ${at + 1}\n` +
    `--- chengxin schema --role ${role}\n${context(a)}\n--- live\n${context(b)}`);
}

for (const role of [...ROLES, 'ANONYMOUS']) {
  test(`${role}: live introspection builds, validates and equals chengxin schema --role ${role}`, async () => {
    const token = role === 'ANONYMOUS' ? null : server.tokens[role];
    assert.ok(role === 'ANONYMOUS' || token, `a demo token for ${role}`);
    const [live] = await Promise.all(
      [ALL_OPTIONS, {}].map(async (options) => {
        const { body } = await post(server, token, getIntrospectionQuery(options));
        assert.equal(body.errors, undefined, JSON.stringify(body.errors));
        const schema = buildClientSchema(body.data);
        assert.deepEqual(validateSchema(schema), []);
        return schema;
      }),
    );
    const offline = buildSchema(cliSchema(role));
    assert.deepEqual(validateSchema(offline), []);
    assertSameLines(printed(offline), printed(live), role);
    assert.equal(live.getQueryType().name, 'Query');
    if (role === 'EVALUATOR') assert.equal(live.getMutationType() ?? null, null, 'an evaluator may run no mutation');
    else assert.equal(live.getMutationType()?.name, 'Mutation');
  });
}

test('the circular-introspection attack is refused for every role', async () => {
  const circular = `query cop { __schema { types { fields { type { fields { type { fields { type { fields {
    type { name } } } } } } } } } } }`;
  for (const role of ROLES) {
    const { body } = await post(server, server.tokens[role], circular);
    assert.equal(body.data ?? null, null, role);
    assert.equal(body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED', role);
  }
});
