/**
 * Where delmal may send Teams activities. An activity names the `serviceUrl` its answer goes to;
 * with a valid Bot Framework token that claim is checked by the SDK, but without credentials
 * (local, test) nothing would stop a request from making delmal post anywhere. So in every mode
 * only Bot Framework's documented connector hosts are allowed, over HTTPS, plus exactly the
 * origins the composition root adds (tests add their fake connector) and, in `DELMAL_ENV=local`
 * only, loopback connectors: Microsoft's Agents Playground (`http://localhost:56150/_connector`)
 * and the Bot Framework Emulator run on the developer's machine.
 */

/** Hosts allowed exactly (any path: `smba.trafficmanager.net/emea/`, `/amer/`, `/apac/`, `/teams/` …). */
const BOT_FRAMEWORK_HOSTS = [
  'smba.trafficmanager.net',
  // Government clouds: GCC, GCC High, DoD.
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

/** Domains allowed with any subdomain (`europe.webchat.botframework.com` …). */
const BOT_FRAMEWORK_DOMAINS = ['botframework.com', 'botframework.azure.us', 'botframework.azure.cn'];

/** Decides whether an activity may be sent to a service URL. */
export type ServiceUrlPolicy = (serviceUrl: string) => boolean;

/** Loopback hosts as the URL parser writes them (`[::1]` keeps its brackets). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The allow-list: Bot Framework's hosts over HTTPS, and `extraOrigins` (e.g. `http://127.0.0.1:4321`
 * for a test's fake connector) matched by exact origin. With `loopback` (local development only),
 * any `http://localhost|127.0.0.1|[::1]:<port>` connector too — never another host, never without
 * an explicit port, never with credentials in the URL.
 */
export function serviceUrlPolicy(
  extraOrigins: readonly string[] = [],
  options: { readonly loopback?: boolean } = {},
): ServiceUrlPolicy {
  const extra = new Set(extraOrigins.map((origin) => new URL(origin).origin));
  return (serviceUrl) => {
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return false;
    }
    if (extra.has(url.origin)) return true;
    if (options.loopback && isLoopbackConnector(url)) return true;
    if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
    const host = url.hostname.toLowerCase();
    return (
      BOT_FRAMEWORK_HOSTS.includes(host) ||
      BOT_FRAMEWORK_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))
    );
  };
}

function isLoopbackConnector(url: URL): boolean {
  return (
    url.protocol === 'http:' &&
    url.port !== '' &&
    !url.username &&
    !url.password &&
    LOOPBACK_HOSTS.has(url.hostname.toLowerCase())
  );
}
