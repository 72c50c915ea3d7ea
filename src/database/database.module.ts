import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openDatabase, type Database, type DatabaseSettings } from './database.js';

const DATABASE = Symbol('DATABASE');

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

/** Provides the one TypeORM DataSource, connected and migrated before the app serves anything. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(settings: DatabaseSettings): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useFactory: () => openDatabase(settings) },
        { provide: DataSource, useFactory: (database: Database) => database.dataSource, inject: [DATABASE] },
        DatabaseLifecycle,
      ],
      exports: [DataSource],
    };
  }
}
