import { initial } from './001-initial.js';
import { resources } from './002-resources.js';
import { sessions } from './003-sessions.js';
import { invitations } from './004-invitations.js';
import { keyLineage } from './005-key-lineage.js';
import { officialShapes } from './006-official-shapes.js';
import { deviceAuthorization } from './009-device-authorization.js';
import { webhooks } from './010-webhooks.js';
import { serviceTokens } from './011-service-tokens.js';
import type { OnePinMigration } from './kit.js';

/**
 * Every migration in order. Names are permanent (they are recorded in the database);
 * add new ones at the end and never edit one that has shipped.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: OnePinMigration]> = [
  ['001-initial', initial],
  ['002-resources', resources],
  ['003-sessions', sessions],
  ['004-invitations', invitations],
  ['005-key-lineage', keyLineage],
  ['006-official-shapes', officialShapes],
  ['009-device-authorization', deviceAuthorization],
  ['010-webhooks', webhooks],
  ['011-service-tokens', serviceTokens],
];
