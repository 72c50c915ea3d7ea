import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notices outbox, and each committee's secretariat address and reminder lead time. */
export class Notices1796015000000 implements MigrationInterface {
  name = 'Notices1796015000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "committees" ADD "organizer_email" text');
    await queryRunner.query('ALTER TABLE "committees" ADD "reminder_hours" integer NOT NULL DEFAULT 24');
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "target_type" text NOT NULL, "target_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "recipient" text NOT NULL, "kind" text NOT NULL, "sequence" integer NOT NULL, "status" text NOT NULL DEFAULT 'pending', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "previous" jsonb, "attempts" integer NOT NULL DEFAULT 0, "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "subject" text, "message" text, "message_id" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_notices_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notices_once" ON "notices" ("target_id", "sequence", "participant_id", "kind") WHERE status <> 'superseded'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notices_due" ON "notices" ("due_at", "id") WHERE status IN ('pending', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notices_pending_target" ON "notices" ("target_id", "participant_id") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notices_committee_created" ON "notices" ("committee_id", "created_at", "id")',
    );
    await queryRunner.query(
      'ALTER TABLE "notices" ADD CONSTRAINT "FK_25be92dfd7c426a97d4356a0a7c" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notices" ADD CONSTRAINT "FK_59542d60e4ef6dcbb104c581997" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "notices"');
    await queryRunner.query('ALTER TABLE "committees" DROP COLUMN "reminder_hours"');
    await queryRunner.query('ALTER TABLE "committees" DROP COLUMN "organizer_email"');
  }
}
