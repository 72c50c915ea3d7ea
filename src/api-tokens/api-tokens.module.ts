import { Module } from '@nestjs/common';
import { PrincipalLookup } from '../common/auth/principal.js';
import { ApiTokenPrincipals } from './api-token-principals.js';
import { ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { ApiTokensService } from './api-tokens.service.js';

@Module({
  controllers: [ApiTokensController],
  providers: [
    ApiTokensService,
    ApiTokensRepository,
    { provide: PrincipalLookup, useClass: ApiTokenPrincipals },
  ],
  exports: [PrincipalLookup],
})
export class ApiTokensModule {}
