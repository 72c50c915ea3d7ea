import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators.js';
import { databaseAnswers } from '../database/database-ping.js';

class HealthDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status: 'ok';
}

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'The process is alive', type: HealthDto })
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): HealthDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'The database answers', type: HealthDto })
  @ApiOperation({ summary: 'Readiness: the database answers' })
  @ApiProblems([503, 'The database does not answer'])
  async ready(): Promise<HealthDto> {
    if (await databaseAnswers(this.dataSource, 3000)) return { status: 'ok' };
    throw new ServiceUnavailableException({
      code: 'database-unavailable',
      detail: 'The database does not answer',
    });
  }
}
