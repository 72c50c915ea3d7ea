import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
