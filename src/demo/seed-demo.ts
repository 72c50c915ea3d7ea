import 'reflect-metadata';
import { assertDataDirFree, DataDirInUseError } from '../database/data-dir-lock.js';
import type { INestApplication } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AgendaItemsService } from '../agenda/agenda-items.service.js';
import { createApp } from '../bootstrap.js';
import { CommitteesService } from '../committees/committees.service.js';
import type { Principal } from '../common/auth/principal.js';
import { hashToken } from '../common/auth/token-hash.js';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { PartiesService } from '../parties/parties.service.js';
import { ParticipantsService } from '../participants/participants.service.js';
import { SeriesService } from '../series/series.service.js';
import { InvitationsService } from '../sessions/invitations.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { COMMITTEE, DEMO_SLUG, PARTICIPANTS, PARTIES, WORKING_GROUPS } from './demo-committee.js';
import {
  CUSTOMS_CALL_AGENDA,
  INDUSTRY_MEETING_AGENDA,
  PLENARY_AGENDA,
  WEBINAR_AGENDA,
  type DemoAgendaItem,
} from './demo-sessions.js';

const ADMIN: Principal = {
  tokenId: null,
  role: 'admin',
  committeeIds: [],
  participantId: null,
  participantCommitteeId: null,
};

export interface DemoResult {
  created: boolean;
  committeeId: string;
  organizerToken: string;
  delegateFeedUrl: string;
}

/**
 * Fills the database with the demo committee once. Running it again changes nothing: the
 * committee is found by its slug, and the printed secrets are derived (HMAC) from a key
 * only the database holds, so they are the same each time without being stored.
 */
export async function seedDemo(
  app: INestApplication,
  config: AppConfig,
  today: DateTime<boolean> = DateTime.utc(),
): Promise<DemoResult> {
  const dataSource = app.get(DataSource);
  const existing = await dataSource.query<Array<{ id: string }>>(
    'SELECT id FROM committees WHERE slug = $1',
    [DEMO_SLUG],
  );
  const committeeId = existing[0]?.id ?? (await createDemo(app, today));
  const participants = await dataSource.query<Array<{ id: string; email: string }>>(
    'SELECT id, email FROM participants WHERE committee_id = $1',
    [committeeId],
  );
  const jalali = participants.find((participant) => participant.email.startsWith('k.jalali'))!;
  const key = await demoKey(dataSource);
  const organizerToken = `qrm_${secret(key, `organizer:${committeeId}`)}`;
  const feedToken = `cal_${secret(key, `feed:${jalali.id}`)}`;
  await dataSource.query(
    `INSERT INTO api_tokens (name, token_hash, role, committee_ids) VALUES ('Demo organizer', $1, 'organizer', ARRAY[$2]::uuid[])
     ON CONFLICT (token_hash) DO NOTHING`,
    [hashToken(organizerToken), committeeId],
  );
  await dataSource.query(
    `INSERT INTO calendar_feeds (scope, committee_id, participant_id, label, locale, token_hash)
     VALUES ('participant', $1, $2, 'جلسات کمیسیون مشترک', 'fa', $3) ON CONFLICT (token_hash) DO NOTHING`,
    [committeeId, jalali.id, hashToken(feedToken)],
  );
  return {
    created: existing.length === 0,
    committeeId,
    organizerToken,
    delegateFeedUrl: `${config.publicBaseUrl}/calendar/${feedToken}.ics`,
  };
}

async function createDemo(app: INestApplication, today: DateTime<boolean>): Promise<string> {
  const committee = await app.get(CommitteesService).create(ADMIN, COMMITTEE);
  const parties = new Map<string, string>();
  for (const party of PARTIES) {
    parties.set(
      party.code,
      (await app.get(PartiesService).create(ADMIN, committee.id, { ...party, workWeek: [...party.workWeek] }))
        .id,
    );
  }
  const people = new Map<string, string>();
  for (const { key, party, ...fields } of PARTICIPANTS) {
    people.set(
      key,
      (
        await app
          .get(ParticipantsService)
          .create(ADMIN, committee.id, { ...fields, partyId: parties.get(party)! })
      ).id,
    );
  }
  const groups = new Map<string, string>();
  for (const { members, ...fields } of WORKING_GROUPS) {
    const group = await app.get(WorkingGroupsService).create(ADMIN, committee.id, fields);
    groups.set(fields.slug, group.id);
    for (const member of members) {
      await app
        .get(WorkingGroupsService)
        .addMember(ADMIN, group.id, { participantId: people.get(member)!, role: 'member' });
    }
  }
  const sessions = app.get(SessionsService);
  const day = (offset: number) => today.plus({ days: offset }).toISODate()!;
  const { session: webinar } = await sessions.create(ADMIN, {
    committeeId: committee.id,
    title: {
      en: 'Iran–Russia industrial and trade webinar',
      fa: 'وبینار صنعتی و تجاری ایران و روسیه',
      ru: 'Российско-иранский промышленно-торговый вебинар',
    },
    kind: 'webinar',
    format: 'online',
    timeZone: 'Europe/Moscow',
    start: `${day(-30)}T11:00`,
    durationMinutes: 80,
    onlineMeeting: { joinUrl: 'https://meet.example.org/ir-ru-industry-webinar', provider: 'Jitsi' },
  });
  const { session: meeting } = await sessions.create(ADMIN, {
    committeeId: committee.id,
    workingGroupId: groups.get('industry'),
    title: {
      en: 'Meeting of the industry working group within the framework of the Joint Economic Committee',
      fa: 'نشست کارگروه صنعت در چارچوب کمیسیون مشترک اقتصادی',
      ru: 'Заседание рабочей группы по промышленности в рамках Межправительственной комиссии',
    },
    kind: 'working_group',
    format: 'in_person',
    timeZone: 'Europe/Moscow',
    start: `${day(21)}T10:00`,
    durationMinutes: 180,
    location: {
      en: 'Ministry of Industry and Trade, Moscow',
      fa: 'وزارت صنعت و تجارت روسیه، مسکو',
      ru: 'Минпромторг России, Москва',
    },
  });
  const { session: plenary } = await sessions.create(ADMIN, {
    committeeId: committee.id,
    title: {
      en: 'Plenary session of the Joint Economic Committee',
      fa: 'نشست عمومی کمیسیون مشترک اقتصادی',
      ru: 'Пленарное заседание Межправительственной комиссии',
    },
    kind: 'plenary',
    format: 'hybrid',
    timeZone: 'Asia/Tehran',
    start: `${day(70)}T10:00`,
    durationMinutes: 300,
    location: {
      en: 'Ministry of Foreign Affairs, Tehran',
      fa: 'وزارت امور خارجه، تهران',
      ru: 'МИД Ирана, Тегеран',
    },
    onlineMeeting: { joinUrl: 'https://meet.example.org/jec-plenary', provider: 'Jitsi', accessCode: '1404' },
  });
  const invitations = app.get(InvitationsService);
  await invitations.invite(
    ADMIN,
    webinar.id,
    { invitations: [...people.values()].map((participantId) => ({ participantId })) },
    true,
  );
  const industry = WORKING_GROUPS[0].members.map((member) => ({ participantId: people.get(member)! }));
  await invitations.invite(ADMIN, meeting.id, { invitations: industry }, true);
  await invitations.invite(
    ADMIN,
    plenary.id,
    { invitations: [...people.values()].map((participantId) => ({ participantId })) },
    true,
  );
  for (const [session, agenda] of [
    [webinar, WEBINAR_AGENDA],
    [meeting, INDUSTRY_MEETING_AGENDA],
    [plenary, PLENARY_AGENDA],
  ] as const) {
    await addAgenda(app, session.id, agenda, people);
    await sessions.publish(ADMIN, session.id);
  }
  const series = await app.get(SeriesService).create(ADMIN, {
    committeeId: committee.id,
    workingGroupId: groups.get('trade-customs'),
    title: {
      en: 'Trade and customs working group call',
      fa: 'تماس ماهانهٔ کارگروه تجارت و گمرک',
      ru: 'Ежемесячный созвон рабочей группы по торговле и таможне',
    },
    kind: 'working_group',
    format: 'online',
    timeZone: 'Europe/Moscow',
    startDate: today.plus({ months: 1 }).startOf('month').toISODate()!,
    startTime: '11:00',
    durationMinutes: 60,
    rrule: 'FREQ=MONTHLY;BYDAY=-1WE;COUNT=12',
    skipNonWorkingDays: true,
    publish: true,
    onlineMeeting: { joinUrl: 'https://meet.example.org/green-corridor', provider: 'Jitsi' },
  });
  const customs = WORKING_GROUPS[1].members.map((member) => ({ participantId: people.get(member)! }));
  await app.get(SeriesService).invite(ADMIN, series.series.id, { invitations: customs }, true);
  for (const occurrence of series.occurrences)
    await addAgenda(app, occurrence.id, CUSTOMS_CALL_AGENDA, people);
  return committee.id;
}

async function addAgenda(
  app: INestApplication,
  sessionId: string,
  agenda: DemoAgendaItem[],
  people: Map<string, string>,
) {
  const items = app.get(AgendaItemsService);
  for (const entry of agenda) {
    const parent = await items.create(ADMIN, sessionId, toInput(entry, people));
    for (const child of entry.children ?? [])
      await items.create(ADMIN, sessionId, { ...toInput(child, people), parentId: parent.id });
  }
}

function toInput(entry: DemoAgendaItem, people: Map<string, string>) {
  return {
    title: entry.title,
    kind: entry.kind,
    durationMinutes: entry.durationMinutes,
    presenterIds: (entry.presenters ?? []).map((key) => people.get(key)!),
  };
}

/** QUORUM_DEMO_KEY, else the database cluster's own identifier: secret to anyone without database access. */
async function demoKey(dataSource: DataSource): Promise<string> {
  if (process.env.QUORUM_DEMO_KEY) return process.env.QUORUM_DEMO_KEY;
  try {
    const [row] = await dataSource.query<Array<{ id: string }>>(
      'SELECT system_identifier::text AS id FROM pg_control_system()',
    );
    return `quorum-demo:${row.id}`;
  } catch {
    throw new Error(
      'This database user may not read pg_control_system(); set QUORUM_DEMO_KEY to a long secret',
    );
  }
}

function secret(key: string, purpose: string): string {
  return createHmac('sha256', key).update(purpose).digest('base64url');
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'warn' as const };
  // Checked before the app starts, so the refusal is one line rather than a start-up stack trace.
  if (!config.databaseUrl) assertDataDirFree(config.dataDir);
  const app = await createApp(config);
  try {
    const result = await seedDemo(app, config);
    console.log(
      result.created
        ? 'Created the demo committee.'
        : 'The demo committee was already there; nothing changed.',
    );
    console.log(`Committee id:      ${result.committeeId}`);
    console.log(`Organizer token:   ${result.organizerToken}`);
    console.log(`Delegate feed URL: ${result.delegateFeedUrl} (Kazem Jalali, in Persian)`);
  } finally {
    await app.close();
  }
}

if (process.argv[1]?.endsWith('seed-demo.js')) {
  main().catch((error: unknown) => {
    console.error(
      'The demo could not be seeded:',
      error instanceof DataDirInUseError ? error.message : error,
    );
    process.exit(1);
  });
}
