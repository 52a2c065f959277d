// app/i18n/vite-plugin.ts: route id → the namespaces its module and static imports use.
declare module "virtual:i18n-route-namespaces" {
  const routeNamespaces: Record<string, string[]>;
  export default routeNamespaces;
}
