import type { MigrationInterface } from 'typeorm';
import { Initial1795840734326 } from './1795840734326-Initial.js';
import { FeedOwnership1795841891401 } from './1795841891401-FeedOwnership.js';
import { Series1795842209147 } from './1795842209147-Series.js';
import { LocalizedCancellationReason1796012000000 } from './1796012000000-LocalizedCancellationReason.js';
import { Notices1796015000000 } from './1796015000000-Notices.js';
import { SeriesReplaceSkipped1796017000000 } from './1796017000000-SeriesReplaceSkipped.js';
import { Minutes1796018000000 } from './1796018000000-Minutes.js';
import { FeedNotifications1796019000000 } from './1796019000000-FeedNotifications.js';
import { Registrations1796021000000 } from './1796021000000-Registrations.js';
import { PortalSignIn1796016000000 } from './1796016000000-PortalSignIn.js';
import { SignInNotices1796019500000 } from './1796019500000-SignInNotices.js';

/** Every migration, in order. A generated migration is added here after review. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795840734326,
  FeedOwnership1795841891401,
  Series1795842209147,
  LocalizedCancellationReason1796012000000,
  Notices1796015000000,
  PortalSignIn1796016000000,
  SeriesReplaceSkipped1796017000000,
  Minutes1796018000000,
  FeedNotifications1796019000000,
  SignInNotices1796019500000,
  Registrations1796021000000,
];
