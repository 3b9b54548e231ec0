// Starts GraphiQL against this server. An initial query may come in the URL's hash
// (`/graphql#query=...`); send `Authorization: Bearer <token>` from the headers editor.
(function () {
  var hash = new URLSearchParams(window.location.hash.slice(1));
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      query: hash.get('query') || undefined,
      defaultEditorToolbarOpen: true,
      shouldPersistHeaders: false,
    }),
  );
})();
