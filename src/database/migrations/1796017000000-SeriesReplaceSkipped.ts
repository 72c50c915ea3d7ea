import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SeriesReplaceSkipped1796017000000 implements MigrationInterface {
  name = 'SeriesReplaceSkipped1796017000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "series" ADD "replace_skipped" text NOT NULL DEFAULT \'none\'');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "series" DROP COLUMN "replace_skipped"');
  }
}
