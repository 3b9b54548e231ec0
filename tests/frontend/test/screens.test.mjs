// Each screen's operations, run with Apollo Client: the data, "load more" appending page 2 in the
// cache, and the exact error codes and fields a form shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apollo, badFields, codes, operations, reasons } from '../lib/apollo.mjs';
import { startServer } from '../lib/server.mjs';

let server;
// Apollo reports "Missing field" and cache-merge trouble on the console: any such line fails.
const warnings = [];
before(async () => {
  for (const level of ['warn', 'error']) {
    const original = console[level];
    console[level] = (...args) => {
      warnings.push(args.map(String).join(' '));
      original(...args);
    };
  }
  server = await startServer();
});
after(async () => {
  await server?.stop();
  assert.deepEqual(warnings, [], 'Apollo Client warned');
});

/** Loads page 1 (5 items), then page 2 with fetchMore; returns both and what the cache holds. */
async function twoPages(client, query, field, variables = {}) {
  const watch = client.watchQuery({ query, variables: { first: 5, ...variables }, fetchPolicy: 'network-only' });
  let subscription;
  const first = await new Promise((resolve, reject) => {
    subscription = watch.subscribe({ next: (result) => !result.loading && resolve(result), error: reject });
  });
  try {
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const page1 = first.data[field];
    assert.equal(page1.edges.length, 5, `${field}: a full first page`);
    assert.ok(page1.pageInfo.hasNextPage, `${field}: more than one page`);
    await watch.fetchMore({ variables: { after: page1.pageInfo.endCursor } });
    // What the screen renders: the cached list, page 2 merged in by the typePolicy.
    const cached = client.readQuery({ query, variables: { first: 5, ...variables } });
    return { page1, merged: cached[field] };
  } finally {
    subscription.unsubscribe();
  }
}

test('credit office: rectification, record and complaint queues load more by appending', async () => {
  const client = apollo(server, server.tokens.CREDIT_OFFICE);
  const ops = operations('office');
  // The open rectifications, nearest deadline first, in pages of five.
  const open = { status: ['PENDING', 'REJECTED', 'SUBMITTED', 'OVERDUE'] };
  const queue = await twoPages(client, ops.OfficeRectificationQueue, 'rectifications', { filter: open });
  assert.equal(queue.merged.edges.length, 10);
  const deadlines = queue.merged.edges.map((e) => e.node.deadline);
  assert.deepEqual(deadlines, [...deadlines].sort(), 'nearest deadline first, across both pages');
  assert.ok(queue.merged.edges.every((e) => open.status.includes(e.node.status)));
  const { page1, merged } = await twoPages(client, ops.OfficeRecords, 'creditRecords');
  assert.equal(merged.edges.length, 10, 'page 2 appended to page 1, not replacing it');
  assert.deepEqual(merged.edges.slice(0, 5).map((e) => e.node.id), page1.edges.map((e) => e.node.id));
  assert.equal(new Set(merged.edges.map((e) => e.node.id)).size, 10, 'ten different records');
  assert.ok(merged.edges.every((e) => e.node.unit?.name), 'every record has its unit');

  const complaints = await client.query({ query: ops.OfficeComplaintQueue, variables: { first: 5 } });
  assert.equal(complaints.errors, undefined);
  const complaint = complaints.data.complaints.edges[0]?.node;
  assert.ok(complaint, 'a complaint waits in the queue');
  assert.equal(complaint.status, 'RECEIVED');
  // Assign it: a stale version is CONFLICT; the right one updates the cached complaint.
  const input = { id: complaint.id, unitId: complaint.targetUnit.id };
  const stale = await client.mutate({ mutation: ops.AssignComplaint, variables: { input: { ...input, version: 99 } } });
  assert.deepEqual(codes(stale), ['CONFLICT']);
  assert.deepEqual(reasons(stale), ['STALE_VERSION']);
  const assigned = await client.mutate({ mutation: ops.AssignComplaint, variables: { input: { ...input, version: 1 } } });
  assert.equal(assigned.errors, undefined, JSON.stringify(assigned.errors));
  const cached = client.cache.extract()[`Complaint:${complaint.id}`];
  assert.equal(cached.status, 'ASSIGNED', 'the normalised cache entry follows the mutation');
});

test('unit clerk: submits a rectification, with the form errors it can show', async () => {
  // The credit office opens a rectification on one of the clerk's unit's records.
  const office = apollo(server, server.tokens.CREDIT_OFFICE);
  const officeOps = operations('office');
  const client = apollo(server, server.tokens.UNIT_CLERK);
  const ops = operations('clerk');
  const mine = await client.query({ query: ops.ClerkRectifying, variables: { first: 1 } });
  const unitId = mine.data.me.unit.id;
  const records = await office.query({
    query: officeOps.OfficeRecords,
    variables: { first: 20, filter: { unitId, status: 'ACTIVE', polarity: 'DISHONESTY', subjectType: 'UNIT' } },
  });
  assert.equal(records.errors, undefined, JSON.stringify(records.errors));
  const record = records.data.creditRecords.edges[0]?.node;
  assert.ok(record, 'an active dishonesty record of the clerk’s unit');
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const opened = await office.mutate({
    mutation: officeOps.OpenRectification,
    variables: { input: { recordId: record.id, recordVersion: record.version, deadline } },
  });
  assert.equal(opened.errors, undefined, JSON.stringify(opened.errors));
  const screen = await client.query({ query: ops.ClerkRectifying, variables: { first: 100 } });
  // The clerk's screen shows the one just opened.
  assert.equal(screen.errors, undefined, JSON.stringify(screen.errors));
  const me = screen.data.me;
  assert.ok(me.permissions.includes('SUBMIT_RECTIFICATIONS'));
  assert.ok(!me.permissions.includes('DECIDE_OBJECTIONS'));
  const open = me.unit.creditRecords.edges
    .map((e) => e.node.rectification)
    .find((r) => r && r.id === opened.data.openRectification.rectification.id);
  assert.ok(open, 'the clerk’s unit has a rectification to submit');
  const input = { id: open.id, version: open.version, cause: '制度不健全', plan: '完善制度', completion: '已完成整改' };
  // Two blank fields: the form marks both at once, in Chinese by default.
  const blank = await client.mutate({
    mutation: ops.SubmitRectification,
    variables: { input: { ...input, cause: ' ', plan: '' } },
  });
  assert.deepEqual(codes(blank), ['BAD_USER_INPUT']);
  assert.equal(blank.errors[0].extensions.field, 'input.cause');
  assert.deepEqual(badFields(blank), [['input.cause', 'REQUIRED'], ['input.plan', 'REQUIRED']]);
  assert.deepEqual(blank.errors[0].extensions.fields.map((f) => f.message), ['不能为空', '不能为空']);
  const stale = await client.mutate({
    mutation: ops.SubmitRectification,
    variables: { input: { ...input, version: open.version + 7 } },
  });
  assert.deepEqual(codes(stale), ['CONFLICT']);
  assert.deepEqual(reasons(stale), ['STALE_VERSION']);
  const done = await client.mutate({ mutation: ops.SubmitRectification, variables: { input } });
  assert.equal(done.errors, undefined, JSON.stringify(done.errors));
  assert.equal(done.data.submitRectification.rectification.status, 'SUBMITTED');
});

test('public portal: searches, complains and follows the complaint up', async () => {
  const client = apollo(server, null);
  const ops = operations('portal');
  const { merged } = await twoPages(client, ops.PortalSearch, 'publicRecords');
  assert.equal(merged.edges.length, 10);
  const unitId = merged.edges[0].node.unit.id;
  const short = await client.mutate({
    mutation: ops.PortalComplain,
    variables: { input: { targetUnitId: unitId, content: '太短', contactPhone: '12' } },
  });
  assert.deepEqual(codes(short), ['BAD_USER_INPUT']);
  assert.equal(short.errors[0].extensions.field, 'input.content');
  assert.deepEqual(badFields(short), [['input.content', 'CONTENT_TOO_SHORT'], ['input.contactPhone', 'PHONE_FORMAT']]);
  assert.equal(short.errors[0].message, 'input.content: 请用至少 10 个字描述事项；input.contactPhone: 须为 7 至 20 位数字');
  // A visitor whose browser prefers English reads the same refusal in English.
  const english = await apollo(server, null, 'en-US,en;q=0.9').mutate({
    mutation: ops.PortalComplain,
    variables: { input: { targetUnitId: unitId, content: '太短', contactPhone: '12' } },
  });
  assert.deepEqual(badFields(english), badFields(short));
  assert.equal(
    english.errors[0].message,
    'input.content: describe the matter in at least 10 characters; input.contactPhone: 7 to 20 digits',
  );
  const sent = await client.mutate({
    mutation: ops.PortalComplain,
    variables: { input: { targetUnitId: unitId, content: '窗口工作人员多次推诿，事项逾期未办结。', contactPhone: '13905951234' } },
  });
  assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
  const { reference } = sent.data.submitComplaint;
  assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const followed = await client.query({ query: ops.PortalComplaintStatus, variables: { reference } });
  assert.equal(followed.data.complaintStatus.status, 'RECEIVED');
  assert.ok(!JSON.stringify(followed.data).includes('13905951234'), 'no contact detail comes back');
});

test('evaluator: reads records and complaints, may change nothing', async () => {
  const client = apollo(server, server.tokens.EVALUATOR);
  const ops = operations('evaluator');
  const { merged } = await twoPages(client, ops.EvaluatorRecords, 'creditRecords');
  assert.equal(merged.edges.length, 10);
  const complaints = await client.query({ query: ops.EvaluatorComplaints, variables: { first: 5 } });
  assert.equal(complaints.errors, undefined, JSON.stringify(complaints.errors));
  assert.ok(complaints.data.complaints.totalCount > 0);
  const portal = operations('portal');
  const write = await client.mutate({
    mutation: portal.PortalComplain,
    variables: { input: { targetUnitId: merged.edges[0].node.unit.id, content: '评估机构不能提交投诉的内容' } },
  });
  assert.deepEqual(codes(write), ['FORBIDDEN']);
  assert.deepEqual(reasons(write), ['NOT_ALLOWED']);
});
