import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Series1795842209147 implements MigrationInterface {
  name = 'Series1795842209147';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "working_group_id" uuid, "title" jsonb NOT NULL, "description" jsonb, "kind" text NOT NULL, "format" text NOT NULL, "time_zone" text NOT NULL, "start_date" text NOT NULL, "start_time" text NOT NULL, "duration_minutes" integer NOT NULL, "rule" text NOT NULL, "skip_non_working_days" boolean NOT NULL DEFAULT false, "location" jsonb, "online_meeting" jsonb, "capacity" integer, "sequence" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e725676647382eb54540d7128ba" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_series_committee_created" ON "series"  ("committee_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "series_participants" ("series_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "role" text NOT NULL, "attendance" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d41ba7e9ba72068ac63a192e34b" PRIMARY KEY ("series_id", "participant_id"))',
    );
    await queryRunner.query('ALTER TABLE "sessions" ADD "detached" boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_sessions_series_recurrence" ON "sessions"  ("series_id", "recurrence_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "series" ADD CONSTRAINT "FK_44ce6a500d637c7492f984bf9df" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "series" ADD CONSTRAINT "FK_78b7c9c1d773c23ae758ee47ebe" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_9d2ffba86516492b7deda8f88a7" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "series_participants" ADD CONSTRAINT "FK_8d10099664788d109a76911d068" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "series_participants" ADD CONSTRAINT "FK_b6f760ecda7b66fb732ccd64fd0" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "series_participants" DROP CONSTRAINT "FK_b6f760ecda7b66fb732ccd64fd0"',
    );
    await queryRunner.query(
      'ALTER TABLE "series_participants" DROP CONSTRAINT "FK_8d10099664788d109a76911d068"',
    );
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_9d2ffba86516492b7deda8f88a7"');
    await queryRunner.query('ALTER TABLE "series" DROP CONSTRAINT "FK_78b7c9c1d773c23ae758ee47ebe"');
    await queryRunner.query('ALTER TABLE "series" DROP CONSTRAINT "FK_44ce6a500d637c7492f984bf9df"');
    await queryRunner.query('DROP INDEX "public"."uq_sessions_series_recurrence"');
    await queryRunner.query('ALTER TABLE "sessions" DROP COLUMN "detached"');
    await queryRunner.query('DROP TABLE "series_participants"');
    await queryRunner.query('DROP INDEX "public"."ix_series_committee_created"');
    await queryRunner.query('DROP TABLE "series"');
  }
}
