import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators.js';

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
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 3000);
      return { status: 'ok' };
    } catch {
      throw new ServiceUnavailableException({
        code: 'database-unavailable',
        detail: 'The database does not answer',
      });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
