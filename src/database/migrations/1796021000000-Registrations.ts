import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Registrations1796021000000 implements MigrationInterface {
  name = 'Registrations1796021000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "status" text NOT NULL, "full_name" text, "email" text, "email_key" text, "organization" text, "country" text, "language" text NOT NULL, "time_zone" text NOT NULL, "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL, "access_token" text, "address_confirmed_at" TIMESTAMP WITH TIME ZONE, "queue_position" integer, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "notice_round" integer NOT NULL DEFAULT \'0\', "purged_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_registrations_queue" ON "registrations"  ("session_id", "status", "queue_position") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_registrations_session_created" ON "registrations"  ("session_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_registrations_token" ON "registrations"  ("access_token") WHERE access_token IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_registrations_address" ON "registrations"  ("session_id", "email_key") WHERE email_key IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "registration_settings" ("session_id" uuid NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer NOT NULL, "approval" text NOT NULL, "allowed_email_domains" text array NOT NULL DEFAULT \'{}\', "introduction" jsonb, "next_position" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7ca7a68fa7735bf98984aa611a6" PRIMARY KEY ("session_id"))',
    );
    await queryRunner.query('ALTER TABLE "notices" ADD "registration_id" uuid');
    await queryRunner.query('ALTER TABLE "notices" DROP CONSTRAINT "FK_59542d60e4ef6dcbb104c581997"');
    await queryRunner.query('DROP INDEX "public"."uq_notices_once"');
    await queryRunner.query('DROP INDEX "public"."ix_notices_pending_target"');
    await queryRunner.query('ALTER TABLE "notices" ALTER COLUMN "participant_id" DROP NOT NULL');
    await queryRunner.query(
      'CREATE INDEX "ix_notices_pending_target" ON "notices"  ("target_id", "participant_id") WHERE status = \'pending\'',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notices_registration" ON "notices"  ("registration_id") WHERE registration_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notices_once_registrant" ON "notices"  ("target_id", "sequence", "registration_id", "kind") WHERE status <> \'superseded\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notices_once" ON "notices"  ("target_id", "sequence", "participant_id", "kind") WHERE status <> \'superseded\'',
    );
    await queryRunner.query(
      'ALTER TABLE "registrations" ADD CONSTRAINT "FK_17ed6d76665855e6a2911975ea2" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notices" ADD CONSTRAINT "FK_59542d60e4ef6dcbb104c581997" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notices" ADD CONSTRAINT "FK_1ce35bb5918974112ca3deb6297" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registration_settings" ADD CONSTRAINT "FK_7ca7a68fa7735bf98984aa611a6" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "registration_settings" DROP CONSTRAINT "FK_7ca7a68fa7735bf98984aa611a6"',
    );
    await queryRunner.query('ALTER TABLE "notices" DROP CONSTRAINT "FK_1ce35bb5918974112ca3deb6297"');
    await queryRunner.query('ALTER TABLE "notices" DROP CONSTRAINT "FK_59542d60e4ef6dcbb104c581997"');
    await queryRunner.query('ALTER TABLE "registrations" DROP CONSTRAINT "FK_17ed6d76665855e6a2911975ea2"');
    await queryRunner.query('DROP INDEX "public"."uq_notices_once"');
    await queryRunner.query('DROP INDEX "public"."uq_notices_once_registrant"');
    await queryRunner.query('DROP INDEX "public"."ix_notices_registration"');
    await queryRunner.query('DROP INDEX "public"."ix_notices_pending_target"');
    await queryRunner.query('ALTER TABLE "notices" ALTER COLUMN "participant_id" SET NOT NULL');
    await queryRunner.query(
      'CREATE INDEX "ix_notices_pending_target" ON "notices"  ("target_id", "participant_id") WHERE status = \'pending\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notices_once" ON "notices"  ("target_id", "sequence", "participant_id", "kind") WHERE status <> \'superseded\'',
    );
    await queryRunner.query(
      'ALTER TABLE "notices" ADD CONSTRAINT "FK_59542d60e4ef6dcbb104c581997" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "notices" DROP COLUMN "registration_id"');
    await queryRunner.query('DROP TABLE "registration_settings"');
    await queryRunner.query('DROP INDEX "public"."uq_registrations_address"');
    await queryRunner.query('DROP INDEX "public"."uq_registrations_token"');
    await queryRunner.query('DROP INDEX "public"."ix_registrations_session_created"');
    await queryRunner.query('DROP INDEX "public"."ix_registrations_queue"');
    await queryRunner.query('DROP TABLE "registrations"');
  }
}
