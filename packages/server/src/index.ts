export { type BuildAppOptions, buildApp } from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export { type AppDeps, createAppDeps } from './deps.js';
export { type RunningServer, startServer } from './main.js';
