import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every instance keeps the calendar feeds it has served in memory and answers their polls without
 * a query; these triggers tell it, on the `quorum_feeds` channel, when that memory goes stale:
 * `c:<committee id>:<content version>:<changed at, epoch ms>` when a committee's content version
 * moves, `f:<token hash>` when a feed is revoked, changed or deleted. A trigger (not the services)
 * sends them, in the writing transaction, so no write can forget to and none is announced before
 * it commits. The fetch stamp (`last_fetched_at`) is bookkeeping and announces nothing.
 */
export class FeedNotifications1796019000000 implements MigrationInterface {
  name = 'FeedNotifications1796019000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION quorum_notify_committee_content() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('quorum_feeds', 'c:' || NEW.id || ':' || NEW.content_version || ':'
          || floor(extract(epoch FROM NEW.content_changed_at) * 1000)::bigint);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER committees_content_notify
      AFTER UPDATE OF content_version ON committees FOR EACH ROW
      WHEN (OLD.content_version IS DISTINCT FROM NEW.content_version)
      EXECUTE FUNCTION quorum_notify_committee_content()`);
    await queryRunner.query(`CREATE FUNCTION quorum_notify_feed_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE'
           OR to_jsonb(OLD) - 'last_fetched_at' IS DISTINCT FROM to_jsonb(NEW) - 'last_fetched_at' THEN
          PERFORM pg_notify('quorum_feeds', 'f:' || OLD.token_hash);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER calendar_feeds_change_notify
      AFTER UPDATE OR DELETE ON calendar_feeds FOR EACH ROW
      EXECUTE FUNCTION quorum_notify_feed_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER calendar_feeds_change_notify ON calendar_feeds');
    await queryRunner.query('DROP FUNCTION quorum_notify_feed_change()');
    await queryRunner.query('DROP TRIGGER committees_content_notify ON committees');
    await queryRunner.query('DROP FUNCTION quorum_notify_committee_content()');
  }
}
