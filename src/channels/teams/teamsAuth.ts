import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConfigError, type Config } from '../../config/config.js';
import type { Logger } from '../../log/logger.js';

/**
 * Builds Bot Framework authentication from the Bot Framework's own env names. Without
 * MicrosoftAppId the endpoint is closed (undefined: every request gets 401) unless
 * TEAMS_ALLOW_UNAUTHENTICATED=true opens it to loopback callers for local development, which is
 * refused outright when NODE_ENV=production.
 */
export function createTeamsAuth(config: Config, logger: Logger): ConfigurationBotFrameworkAuthentication | undefined {
  const { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId } = config;
  if (!MicrosoftAppId) {
    if (!config.TEAMS_ALLOW_UNAUTHENTICATED) {
      logger.warn({ endpoint: '/api/messages', auth: 'closed' },
        'teams endpoint closed: MicrosoftAppId is not set, so POST /api/messages answers 401 '
        + '(set MicrosoftAppId and MicrosoftAppPassword, or TEAMS_ALLOW_UNAUTHENTICATED=true for local development)');
      return undefined;
    }
    if (config.NODE_ENV === 'production') {
      throw new ConfigError(
        'TEAMS_ALLOW_UNAUTHENTICATED=true is refused when NODE_ENV=production: the Teams endpoint POST /api/messages '
        + 'would accept unauthenticated requests. Set MicrosoftAppId and MicrosoftAppPassword '
        + '(plus MicrosoftAppType and MicrosoftAppTenantId for a single-tenant bot) from the Azure Bot registration.',
      );
    }
    logger.warn(
      { endpoint: '/api/messages', auth: 'disabled', allowedFrom: 'loopback' },
      'TEAMS ENDPOINT IS UNAUTHENTICATED (TEAMS_ALLOW_UNAUTHENTICATED=true): MicrosoftAppId is not set, so any program on this machine '
      + 'can drive the bot and name the serviceUrl it replies to; requests from other addresses get 401. '
      + 'Use this only for local development (Microsoft 365 Agents Playground); it is refused when NODE_ENV=production.',
    );
    return new ConfigurationBotFrameworkAuthentication({});
  }
  if (MicrosoftAppType === 'SingleTenant' && !MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId (the Azure AD tenant of the bot registration).');
  }
  if (MicrosoftAppType !== 'UserAssignedMSI' && !MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppId is set but MicrosoftAppPassword is not; the bot could not sign its replies. Set the client secret of the bot registration.');
  }
  logger.info({ endpoint: '/api/messages', appType: MicrosoftAppType ?? 'MultiTenant' }, 'teams endpoint authenticates Bot Framework tokens');
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId,
    ...(MicrosoftAppPassword ? { MicrosoftAppPassword } : {}),
    ...(MicrosoftAppType ? { MicrosoftAppType } : {}),
    ...(MicrosoftAppTenantId ? { MicrosoftAppTenantId } : {}),
  });
}

// jsonwebtoken's failures (bad signature, expired, not yet valid) reach us unwrapped by the SDK.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Checks the request's Bot Framework token before the adapter runs, so every bad token is a 401
 * (botbuilder itself answers 500 for a token with a bad signature). 'unavailable' means the
 * token could not be checked (e.g. the signing keys could not be fetched): answer 5xx so the
 * Bot Connector retries.
 */
export async function checkToken(
  auth: ConfigurationBotFrameworkAuthentication, activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0], header: string,
): Promise<{ ok: true } | { ok: false; status: 401 | 503; reason: string }> {
  try {
    await auth.authenticateRequest(activity, header);
    return { ok: true };
  } catch (err) {
    const e = err as Error & { statusCode?: number };
    if (e.statusCode === 401 || e.statusCode === 403 || TOKEN_ERRORS.has(e.name)) return { ok: false, status: 401, reason: e.message };
    return { ok: false, status: 503, reason: e.message };
  }
}
