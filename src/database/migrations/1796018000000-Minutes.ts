import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Minutes1796018000000 implements MigrationInterface {
  name = 'Minutes1796018000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "action_items" ("id" uuid NOT NULL, "committee_id" uuid NOT NULL, "session_id" uuid NOT NULL, "working_group_id" uuid, "agenda_item_id" uuid NOT NULL, "title" jsonb NOT NULL, "party_id" uuid NOT NULL, "owner_ids" uuid array NOT NULL DEFAULT \'{}\', "due_date" date, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a84b168b001636b379312104ab" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_action_items_session" ON "action_items"  ("session_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_action_items_committee_created" ON "action_items"  ("committee_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "minutes_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "revision" integer NOT NULL, "status" text NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "agreements" jsonb NOT NULL DEFAULT \'[]\', "created_by" jsonb NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE, "signed_by" jsonb, "signatories" jsonb NOT NULL DEFAULT \'[]\', "document" bytea, "document_sha256" text, "document_langs" text array NOT NULL DEFAULT \'{}\', "signed_copy" bytea, "signed_copy_sha256" text, "signed_copy_bytes" integer, "signed_copy_uploaded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_52acb3b63c997951fc869981fc7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_minutes_revisions_session_revision" ON "minutes_revisions"  ("session_id", "revision") ',
    );
    await queryRunner.query(
      'CREATE TABLE "minutes_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "revision_id" uuid NOT NULL, "version" integer NOT NULL, "action" text NOT NULL, "paths" text array NOT NULL DEFAULT \'{}\', "actor" jsonb NOT NULL, "party_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0bbdad0bfc1252a83cd49b491e5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_minutes_changes_revision" ON "minutes_changes"  ("revision_id", "version") ',
    );
    await queryRunner.query('ALTER TABLE "api_tokens" ADD "party_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "action_items" ADD CONSTRAINT "FK_d1a495972cf3d50997c5788e0d2" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "action_items" ADD CONSTRAINT "FK_e492e4fd09d71af19b28f11ca87" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "action_items" ADD CONSTRAINT "FK_14b3ab3bd1ecdde2b62e066eada" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "minutes_revisions" ADD CONSTRAINT "FK_40a8fec789a8f3a9f016798918a" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "minutes_changes" ADD CONSTRAINT "FK_a9f5ac48085d693185df48f0db0" FOREIGN KEY ("revision_id") REFERENCES "minutes_revisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_429d50ee964514a286f22ace4f1" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_429d50ee964514a286f22ace4f1"');
    await queryRunner.query('ALTER TABLE "minutes_changes" DROP CONSTRAINT "FK_a9f5ac48085d693185df48f0db0"');
    await queryRunner.query(
      'ALTER TABLE "minutes_revisions" DROP CONSTRAINT "FK_40a8fec789a8f3a9f016798918a"',
    );
    await queryRunner.query('ALTER TABLE "action_items" DROP CONSTRAINT "FK_14b3ab3bd1ecdde2b62e066eada"');
    await queryRunner.query('ALTER TABLE "action_items" DROP CONSTRAINT "FK_e492e4fd09d71af19b28f11ca87"');
    await queryRunner.query('ALTER TABLE "action_items" DROP CONSTRAINT "FK_d1a495972cf3d50997c5788e0d2"');
    await queryRunner.query('ALTER TABLE "api_tokens" DROP COLUMN "party_id"');
    await queryRunner.query('DROP INDEX "public"."ix_minutes_changes_revision"');
    await queryRunner.query('DROP TABLE "minutes_changes"');
    await queryRunner.query('DROP INDEX "public"."uq_minutes_revisions_session_revision"');
    await queryRunner.query('DROP TABLE "minutes_revisions"');
    await queryRunner.query('DROP INDEX "public"."ix_action_items_committee_created"');
    await queryRunner.query('DROP INDEX "public"."ix_action_items_session"');
    await queryRunner.query('DROP TABLE "action_items"');
  }
}
