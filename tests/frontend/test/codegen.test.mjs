// GraphQL Code Generator over the screens' documents, as the frontend runs it: the schema is
// loaded by introspection, the scalars are strict (`strictScalars`), and the generated types
// compile with `tsc --strict`. Each screen's documents also validate against its own role's schema.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { buildClientSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { post, startServer } from '../lib/server.mjs';

const here = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SCREENS = { office: 'CREDIT_OFFICE', clerk: 'UNIT_CLERK', portal: null, evaluator: 'EVALUATOR' };

let server;
before(async () => {
  server = await startServer({ CHENGXIN_ANONYMOUS_INTROSPECTION: 'true' });
});
after(() => server?.stop());

async function introspect(token) {
  const { body } = await post(server, token, getIntrospectionQuery({ specifiedByUrl: true }));
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

test('each screen’s documents validate against its role’s schema', async () => {
  for (const [screen, role] of Object.entries(SCREENS)) {
    const schema = buildClientSchema(await introspect(role ? server.tokens[role] : null));
    const document = parse(readFileSync(here(`documents/${screen}.graphql`), 'utf8'));
    assert.deepEqual(validate(schema, document).map(String), [], screen);
  }
});

test('codegen with strictScalars generates types that compile', async () => {
  mkdirSync(here('generated'), { recursive: true });
  writeFileSync(here('generated/schema.json'), JSON.stringify({ data: await introspect(server.tokens.ADMIN) }));
  await generate(
    {
      schema: here('generated/schema.json'),
      documents: here('documents/*.graphql'),
      generates: {
        [here('generated/operations.ts')]: {
          plugins: ['typescript', 'typescript-operations'],
          config: {
            strictScalars: true,
            scalars: { Date: 'string', DateTime: 'string', Decimal: 'string' },
            enumsAsTypes: true,
          },
        },
      },
      silent: true,
    },
    true,
  );
  const generated = readFileSync(here('generated/operations.ts'), 'utf8');
  assert.match(generated, /export type OfficeComplaintQueueQuery/);
  assert.match(generated, /Date: \{ input: string; output: string; \}/);
  const config = { compilerOptions: { strict: true, noEmit: true, target: 'es2022', types: [] }, files: ['operations.ts'] };
  writeFileSync(here('generated/tsconfig.json'), JSON.stringify(config));
  const tsc = spawnSync(process.execPath, [here('node_modules/typescript/bin/tsc'), '-p', here('generated')], {
    encoding: 'utf8',
  });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
