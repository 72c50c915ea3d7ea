import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A cancellation reason becomes localized text; an existing one is kept under its committee's default locale. */
export class LocalizedCancellationReason1796012000000 implements MigrationInterface {
  name = 'LocalizedCancellationReason1796012000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "sessions" ADD "cancellation_reason_text" jsonb');
    await queryRunner.query(
      `UPDATE "sessions" s SET "cancellation_reason_text" = jsonb_build_object(c."default_locale", s."cancellation_reason")
         FROM "committees" c WHERE c."id" = s."committee_id" AND s."cancellation_reason" IS NOT NULL`,
    );
    await queryRunner.query('ALTER TABLE "sessions" DROP COLUMN "cancellation_reason"');
    await queryRunner.query(
      'ALTER TABLE "sessions" RENAME COLUMN "cancellation_reason_text" TO "cancellation_reason"',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "sessions" ADD "cancellation_reason_text" text');
    await queryRunner.query(
      `UPDATE "sessions" s SET "cancellation_reason_text" = COALESCE(
              s."cancellation_reason" ->> c."default_locale",
              (SELECT value FROM jsonb_each_text(s."cancellation_reason") LIMIT 1))
         FROM "committees" c WHERE c."id" = s."committee_id" AND s."cancellation_reason" IS NOT NULL`,
    );
    await queryRunner.query('ALTER TABLE "sessions" DROP COLUMN "cancellation_reason"');
    await queryRunner.query(
      'ALTER TABLE "sessions" RENAME COLUMN "cancellation_reason_text" TO "cancellation_reason"',
    );
  }
}
