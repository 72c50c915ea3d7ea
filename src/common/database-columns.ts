import {
  Column,
  CreateDateColumn,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type ObjectType,
} from 'typeorm';

/** Column helpers so every entity spells ids, instants and localized text the same way. */
export const IdColumn = (): PropertyDecorator => PrimaryGeneratedColumn('uuid');
export const CreatedAtColumn = (): PropertyDecorator =>
  CreateDateColumn({ name: 'created_at', type: 'timestamptz' });
export const UpdatedAtColumn = (): PropertyDecorator =>
  UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });
export const LocalizedColumn = (name: string, nullable = false): PropertyDecorator =>
  Column({ name, type: 'jsonb', nullable });
export const UuidColumn = (name: string, nullable = false): PropertyDecorator =>
  Column({ name, type: 'uuid', nullable });
export const InstantColumn = (name: string, nullable = false): PropertyDecorator =>
  Column({ name, type: 'timestamptz', nullable });
export const TextColumn = (name: string, nullable = false): PropertyDecorator =>
  Column({ name, type: 'text', nullable });

/**
 * A many-to-one relation kept in `column` (the uuid column declared beside it), with what
 * PostgreSQL does to this row when the row it refers to is deleted.
 */
export const References =
  <T>(
    target: string | (() => ObjectType<T>),
    column: string,
    onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT',
  ): PropertyDecorator =>
  (prototype, property) => {
    JoinColumn({ name: column })(prototype, property);
    ManyToOne(target, { onDelete })(prototype, property);
  };

/**
 * The columns of a row that a secret opens (API tokens, calendar feeds, portal links and
 * sessions): only the secret's SHA-256 (hex) is stored, never the secret, and each table
 * indexes it uniquely under a name of its own.
 */
export abstract class TokenBearing {
  @IdColumn() id: string;
  @TextColumn('token_hash') tokenHash: string;
  @CreatedAtColumn() createdAt: Date;
}

/** A row a secret opens until it is revoked (API tokens, calendar feeds, portal links). */
export abstract class RevocableToken extends TokenBearing {
  @InstantColumn('revoked_at', true) revokedAt: Date | null;
}

/** The id and the creation and change instants most tables start with. */
export abstract class Stamped {
  @IdColumn() id: string;
  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}
