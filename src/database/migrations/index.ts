import type { MigrationInterface } from 'typeorm';
import { Initial1795840734326 } from './1795840734326-Initial.js';
import { FeedOwnership1795841891401 } from './1795841891401-FeedOwnership.js';
import { Series1795842209147 } from './1795842209147-Series.js';
import { PortalSignIn1796016000000 } from './1796016000000-PortalSignIn.js';

/** Every migration, in order. A generated migration is added here after review. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795840734326,
  FeedOwnership1795841891401,
  Series1795842209147,
  PortalSignIn1796016000000,
];
