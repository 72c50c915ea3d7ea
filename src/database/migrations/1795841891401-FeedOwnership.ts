import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedOwnership1795841891401 implements MigrationInterface {
  name = 'FeedOwnership1795841891401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "committees" ADD "content_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query('ALTER TABLE "calendar_feeds" ADD "owner_participant_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_d902886c69131fb0f21337ef12b" FOREIGN KEY ("owner_participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_d902886c69131fb0f21337ef12b"');
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP COLUMN "owner_participant_id"');
    await queryRunner.query('ALTER TABLE "committees" DROP COLUMN "content_changed_at"');
  }
}
