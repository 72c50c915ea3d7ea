import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PortalSignIn1796016000000 implements MigrationInterface {
  name = 'PortalSignIn1796016000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "portal_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "kind" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1bb82b3e588a5030649b3dc95b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_portal_links_token_hash" ON "portal_links"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_portal_links_participant" ON "portal_links"  ("participant_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "portal_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "link_id" uuid NOT NULL, "token_hash" text NOT NULL, "csrf_token" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_379dfbd23aa9d6e2503df20cb3d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_portal_sessions_participant" ON "portal_sessions"  ("participant_id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_portal_sessions_link" ON "portal_sessions"  ("link_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_portal_sessions_token_hash" ON "portal_sessions"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "public_form_hits" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_public_form_hits" PRIMARY KEY ("key", "window_start"))',
    );
    await queryRunner.query(
      'ALTER TABLE "portal_links" ADD CONSTRAINT "FK_7af3b8adf20e6d42f4845d2b3f7" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "portal_sessions" ADD CONSTRAINT "FK_61f0dec5ce4bd241cbad8ad60ee" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "portal_sessions" ADD CONSTRAINT "FK_f5a9de17bc03a7484fdf212cacf" FOREIGN KEY ("link_id") REFERENCES "portal_links"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "public_form_hits"');
    await queryRunner.query('ALTER TABLE "portal_sessions" DROP CONSTRAINT "FK_f5a9de17bc03a7484fdf212cacf"');
    await queryRunner.query('ALTER TABLE "portal_sessions" DROP CONSTRAINT "FK_61f0dec5ce4bd241cbad8ad60ee"');
    await queryRunner.query('ALTER TABLE "portal_links" DROP CONSTRAINT "FK_7af3b8adf20e6d42f4845d2b3f7"');
    await queryRunner.query('DROP INDEX "public"."uq_portal_sessions_token_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_portal_sessions_link"');
    await queryRunner.query('DROP INDEX "public"."ix_portal_sessions_participant"');
    await queryRunner.query('DROP TABLE "portal_sessions"');
    await queryRunner.query('DROP INDEX "public"."ix_portal_links_participant"');
    await queryRunner.query('DROP INDEX "public"."uq_portal_links_token_hash"');
    await queryRunner.query('DROP TABLE "portal_links"');
  }
}
