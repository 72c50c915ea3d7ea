import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795840734326 implements MigrationInterface {
  name = 'Initial1795840734326';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "committees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" jsonb NOT NULL, "description" jsonb, "default_time_zone" text NOT NULL, "default_locale" text NOT NULL, "content_version" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_69acdd168edf3e61a2a0b4ed13b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_committees_slug" ON "committees"  ("slug") ');
    await queryRunner.query(
      'CREATE TABLE "working_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "slug" text NOT NULL, "name" jsonb NOT NULL, "description" jsonb, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95e6a3cace78635e0e7c85ddc98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_working_groups_committee_created" ON "working_groups"  ("committee_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_working_groups_committee_slug" ON "working_groups"  ("committee_id", "slug") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "working_group_id" uuid, "series_id" uuid, "recurrence_id" text, "title" jsonb NOT NULL, "description" jsonb, "kind" text NOT NULL, "format" text NOT NULL, "status" text NOT NULL, "time_zone" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" jsonb, "online_meeting" jsonb, "capacity" integer, "sequence" integer NOT NULL DEFAULT \'0\', "version" integer NOT NULL DEFAULT \'1\', "cancellation_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_sessions_start" ON "sessions"  ("starts_at", "id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_sessions_working_group_start" ON "sessions"  ("working_group_id", "starts_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_sessions_committee_start" ON "sessions"  ("committee_id", "starts_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "agenda_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "parent_id" uuid, "position" integer NOT NULL, "title" jsonb NOT NULL, "description" jsonb, "kind" text NOT NULL, "duration_minutes" integer NOT NULL, "presenter_ids" uuid array NOT NULL DEFAULT \'{}\', "links" jsonb NOT NULL DEFAULT \'[]\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7274c40301175b4b4b347820d0c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_agenda_items_session" ON "agenda_items"  ("session_id", "parent_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "code" text NOT NULL, "name" jsonb NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "work_week" smallint array NOT NULL, "working_hours" jsonb NOT NULL, "holiday_country" text, "extra_non_working_days" text array NOT NULL DEFAULT \'{}\', "extra_working_days" text array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da698299dca60d55f0050dde935" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_parties_committee_code" ON "parties"  ("committee_id", "code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "party_id" uuid NOT NULL, "full_name" jsonb NOT NULL, "email" text NOT NULL, "email_key" text NOT NULL, "organization" jsonb, "position" jsonb, "delegation_role" text NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "search_text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_participants_party" ON "participants"  ("party_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_participants_committee_created" ON "participants"  ("committee_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_participants_committee_email" ON "participants"  ("committee_id", "email_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "token_hash" text NOT NULL, "role" text NOT NULL, "committee_ids" uuid array NOT NULL DEFAULT \'{}\', "participant_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_api_tokens_hash" ON "api_tokens"  ("token_hash") ');
    await queryRunner.query(
      'CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope" text NOT NULL, "committee_id" uuid NOT NULL, "participant_id" uuid, "working_group_id" uuid, "label" text NOT NULL, "locale" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_fetched_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_calendar_feeds_token_hash" ON "calendar_feeds"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_calendar_feeds_committee" ON "calendar_feeds"  ("committee_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "idempotency_keys" ("principal" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_574edfb9ce98100b66a0a2e0f34" PRIMARY KEY ("principal", "key"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_idempotency_keys_created" ON "idempotency_keys"  ("created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session_participants" ("session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "role" text NOT NULL, "attendance" text NOT NULL, "rsvp" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8eeae3b378d24a8f22aa6caef87" PRIMARY KEY ("session_id", "participant_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_session_participants_participant" ON "session_participants"  ("participant_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "working_group_members" ("working_group_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e93f81b7c745469b2c6396a068" PRIMARY KEY ("working_group_id", "participant_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_working_group_members_participant" ON "working_group_members"  ("participant_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "working_groups" ADD CONSTRAINT "FK_46346a8407f8580d7bf1a9c9667" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_0d5af6727cb60268401967a7cf9" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_0986c159b6df9a54a7f2c91ea97" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_items" ADD CONSTRAINT "FK_347b260ad84c70d36b0482d4ae7" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_items" ADD CONSTRAINT "FK_b4f22d1d552a0b7cb90b845b81e" FOREIGN KEY ("parent_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "parties" ADD CONSTRAINT "FK_9d7186c326c231b7e366d425c60" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "participants" ADD CONSTRAINT "FK_ad4af4336f10d4ca57833154a83" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "participants" ADD CONSTRAINT "FK_5782780fddf8d67bda262ec7913" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_e38eecdc2fee24b49d7e5aeb3db" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_7d36c5f7403a2f2f9280d8c9956" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_ed43ecc74909d75535619e42dc4" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_39b4a8e352a8825aa4fd94de276" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_participants" ADD CONSTRAINT "FK_0f44aaaaf807cef66c6fa9494a8" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_participants" ADD CONSTRAINT "FK_b00786f07c6240df0435fdaf5f5" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group_members" ADD CONSTRAINT "FK_01155619d8313ba1c34e7a0068f" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group_members" ADD CONSTRAINT "FK_2bef2e3829cd6c0c61030cc37e1" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "working_group_members" DROP CONSTRAINT "FK_2bef2e3829cd6c0c61030cc37e1"',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group_members" DROP CONSTRAINT "FK_01155619d8313ba1c34e7a0068f"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_participants" DROP CONSTRAINT "FK_b00786f07c6240df0435fdaf5f5"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_participants" DROP CONSTRAINT "FK_0f44aaaaf807cef66c6fa9494a8"',
    );
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_39b4a8e352a8825aa4fd94de276"');
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_ed43ecc74909d75535619e42dc4"');
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_7d36c5f7403a2f2f9280d8c9956"');
    await queryRunner.query('ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_e38eecdc2fee24b49d7e5aeb3db"');
    await queryRunner.query('ALTER TABLE "participants" DROP CONSTRAINT "FK_5782780fddf8d67bda262ec7913"');
    await queryRunner.query('ALTER TABLE "participants" DROP CONSTRAINT "FK_ad4af4336f10d4ca57833154a83"');
    await queryRunner.query('ALTER TABLE "parties" DROP CONSTRAINT "FK_9d7186c326c231b7e366d425c60"');
    await queryRunner.query('ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_b4f22d1d552a0b7cb90b845b81e"');
    await queryRunner.query('ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_347b260ad84c70d36b0482d4ae7"');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_0986c159b6df9a54a7f2c91ea97"');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_0d5af6727cb60268401967a7cf9"');
    await queryRunner.query('ALTER TABLE "working_groups" DROP CONSTRAINT "FK_46346a8407f8580d7bf1a9c9667"');
    await queryRunner.query('DROP INDEX "public"."ix_working_group_members_participant"');
    await queryRunner.query('DROP TABLE "working_group_members"');
    await queryRunner.query('DROP INDEX "public"."ix_session_participants_participant"');
    await queryRunner.query('DROP TABLE "session_participants"');
    await queryRunner.query('DROP INDEX "public"."ix_idempotency_keys_created"');
    await queryRunner.query('DROP TABLE "idempotency_keys"');
    await queryRunner.query('DROP INDEX "public"."ix_calendar_feeds_committee"');
    await queryRunner.query('DROP INDEX "public"."uq_calendar_feeds_token_hash"');
    await queryRunner.query('DROP TABLE "calendar_feeds"');
    await queryRunner.query('DROP INDEX "public"."uq_api_tokens_hash"');
    await queryRunner.query('DROP TABLE "api_tokens"');
    await queryRunner.query('DROP INDEX "public"."uq_participants_committee_email"');
    await queryRunner.query('DROP INDEX "public"."ix_participants_committee_created"');
    await queryRunner.query('DROP INDEX "public"."ix_participants_party"');
    await queryRunner.query('DROP TABLE "participants"');
    await queryRunner.query('DROP INDEX "public"."uq_parties_committee_code"');
    await queryRunner.query('DROP TABLE "parties"');
    await queryRunner.query('DROP INDEX "public"."ix_agenda_items_session"');
    await queryRunner.query('DROP TABLE "agenda_items"');
    await queryRunner.query('DROP INDEX "public"."ix_sessions_committee_start"');
    await queryRunner.query('DROP INDEX "public"."ix_sessions_working_group_start"');
    await queryRunner.query('DROP INDEX "public"."ix_sessions_start"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."uq_working_groups_committee_slug"');
    await queryRunner.query('DROP INDEX "public"."ix_working_groups_committee_created"');
    await queryRunner.query('DROP TABLE "working_groups"');
    await queryRunner.query('DROP INDEX "public"."uq_committees_slug"');
    await queryRunner.query('DROP TABLE "committees"');
  }
}
