export { type BuildAppOptions, buildApp } from './app.js';
export type { ApiKeyPrincipal, Principal } from './auth/principal.js';
export { readConfig, type ServerConfig } from './config.js';
export { type AppDeps, createAppDeps } from './deps.js';
export type { AppEnv } from './http/app-env.js';
export { createLogger, type Logger } from './logger.js';
export { type RunningServer, startServer } from './main.js';
