// The frontend's data layer as the web team builds it: Apollo Client 3 with an InMemoryCache
// whose typePolicies key on `Query` and page connections with relayStylePagination.
import { readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core/index.js';
import { relayStylePagination } from '@apollo/client/utilities/index.js';
import { Kind, parse } from 'graphql';

/** A client for `token` (none: the public), asking for messages in `language` (none: the default). */
export function apollo(server, token, language) {
  const headers = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(language ? { 'accept-language': language } : {}),
  };
  return new ApolloClient({
    link: new HttpLink({ uri: server.url, headers }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            complaints: relayStylePagination(['filter', 'orderBy']),
            creditRecords: relayStylePagination(['filter', 'orderBy']),
            publicRecords: relayStylePagination(['filter', 'orderBy']),
            rectifications: relayStylePagination(['filter', 'orderBy']),
          },
        },
      },
    }),
    defaultOptions: {
      query: { fetchPolicy: 'network-only', errorPolicy: 'all' },
      mutate: { errorPolicy: 'all' },
    },
  });
}

/** The operations of `documents/<screen>.graphql`, one document each, by name. */
export function operations(screen) {
  const text = readFileSync(new URL(`../documents/${screen}.graphql`, import.meta.url), 'utf8');
  const document = parse(text);
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return Object.fromEntries(
    document.definitions
      .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((op) => [op.name.value, { kind: Kind.DOCUMENT, definitions: [op, ...fragments] }]),
  );
}

/** The `extensions.code` of each GraphQL error. */
export const codes = (result) => (result.errors ?? []).map((error) => error.extensions?.code);

/** The `extensions.reason` of each GraphQL error. */
export const reasons = (result) => (result.errors ?? []).map((error) => error.extensions?.reason);

/** The bad fields of the first error, as a form marks them: `[field, reason]` pairs. */
export const badFields = (result) =>
  (result.errors?.[0]?.extensions?.fields ?? []).map(({ field, reason }) => [field, reason]);
