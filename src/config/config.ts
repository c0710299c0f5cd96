import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const optional = z.string().trim().min(1).optional();
const positive = (fallback: number) => z.coerce.number().positive().default(fallback);

/** Every environment variable the service reads, validated once at start-up. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  CONSULT_TTL_HOURS: positive(72),
  RETENTION_DAYS: positive(30),
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token (xoxb-...)').optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must be an app-level token (xapp-...)').optional(),
  SLACK_API_URL: z.url().optional(),
  /** Slack channel id (C..., G...) that receives "Ask radiology" hand-offs; unset: no such button. */
  SLACK_RADIOLOGY_CHANNEL: z.string().trim().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD').optional(),
  /** The pathway a consult starts on when none is named; unset: the only installed one (several: users choose). */
  DEFAULT_PATHWAY: optional,
  /** Extra folders (comma-separated), each with flows/ and rules/, whose pathways are installed beside the shipped ones. */
  PATHWAY_DIRS: z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)).optional(),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: optional,
  WEB_UI: bool.optional(),
  /** false runs without Teams (e.g. a Slack-only production deployment with no MicrosoftAppId). */
  TEAMS_ENABLED: bool.default(true),
  /** Without MicrosoftAppId: accept unauthenticated Teams activities from loopback only (local development). */
  TEAMS_ALLOW_UNAUTHENTICATED: bool.default(false),
  /** Keys web sessions and CSRF tokens; every instance behind one URL needs the same value. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)').optional(),
  /** Express "trust proxy": true, a hop count, or addresses/subnets of the TLS-terminating proxy. */
  TRUST_PROXY: z.string().trim().transform((v): boolean | number | string => (/^(true|false)$/.test(v) ? v === 'true' : /^\d+$/.test(v) ? Number(v) : v)).optional(),
  /** Bearer token that GET /metrics requires when set. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Serve /metrics on this port, bound to 127.0.0.1, instead of on the public PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Azure AD object ids (comma-separated) allowed to type "set radiology channel" in Teams. */
  /** Who to ask about data and terms (an email address or a team), shown on /privacy and /terms. */
  PRIVACY_CONTACT: optional,
  TEAMS_RADIOLOGY_ADMINS: z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)).optional(),
  /** Trusted CDS Hooks clients (JSON: [{"iss", "jwksUrl"}]); unset: CDS Hooks off in production, loopback-only otherwise. */
  CDS_CLIENTS: z.string().trim().min(1).optional(),
  /** The externally visible base URL (https://cds.example.org): JWT `aud` of CDS Hooks calls and links in cards. */
  PUBLIC_URL: z.url().transform((u) => u.replace(/\/+$/, '')).optional(),
});

/** Validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** Settings that only work together: a half-configured Slack app would start and silently do nothing. */
const CompleteConfigSchema = ConfigSchema.superRefine((c, ctx) => {
  const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if ((c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) && !c.SLACK_BOT_TOKEN) {
    need('SLACK_BOT_TOKEN', `missing: required when ${c.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set`);
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    need('SLACK_SIGNING_SECRET', 'missing: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (c.TEAMS_ALLOW_UNAUTHENTICATED && c.NODE_ENV === 'production') {
    need('TEAMS_ALLOW_UNAUTHENTICATED', 'refused when NODE_ENV=production: set MicrosoftAppId and MicrosoftAppPassword instead');
  }
});

/** A configuration problem, listing every bad variable by name. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws ConfigError naming each missing or malformed variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset": deployment templates often export VAR= for optional settings.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = CompleteConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
