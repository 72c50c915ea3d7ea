import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a notice carries beyond its session (a sign-in link to mail), kept until it is sent. */
export class SignInNotices1796019500000 implements MigrationInterface {
  name = 'SignInNotices1796019500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notices" ADD "payload" jsonb');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notices" WHERE kind = 'sign_in'`);
    await queryRunner.query('ALTER TABLE "notices" DROP COLUMN "payload"');
  }
}
