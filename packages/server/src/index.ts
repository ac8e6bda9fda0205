export { type BuildAppOptions, buildApp } from './app.js';
export { type ApiKeyPrincipal, type Principal, principalOfKey } from './auth/principal.js';
export { toVerifiedKey, type VerifiedKey } from './auth/verified-key.js';
export { readConfig, type ServerConfig } from './config.js';
export { type AppDeps, createAppDeps } from './deps.js';
export type { AppEnv } from './http/app-env.js';
export { createLogger, type Logger } from './logger.js';
export { type RunningServer, startServer } from './main.js';
