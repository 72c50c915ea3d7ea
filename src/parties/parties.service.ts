import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import { assertCanManageCommittee, assertCanReadCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  type FieldProblem,
} from '../common/errors/problem.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import { type Page, type PageQuery } from '../common/pagination/pagination.js';
import type { CreatePartyDto, UpdatePartyDto } from './dto/party.dto.js';
import { defaultLocale, defaultWorkWeek, isHolidayCountrySupported } from './party-defaults.js';
import { Party } from './party.entity.js';
import { isCalendarDate } from '../common/validation/is-date.js';
import { PartiesRepository } from './parties.repository.js';
import { PartyErrorCode } from './party-errors.js';

@Injectable()
export class PartiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parties: PartiesRepository,
  ) {}

  async create(principal: Principal, committeeId: string, input: CreatePartyDto): Promise<Party> {
    assertCanManageCommittee(principal, committeeId);
    return this.dataSource.transaction(async (manager) => {
      const committee = await manager.findOneBy(Committee, { id: committeeId });
      if (!committee) throw new NotFoundError('Committee');
      const code = input.code.toUpperCase();
      const holidayCountry =
        input.holidayCountry === undefined ? code : (input.holidayCountry?.toUpperCase() ?? null);
      const party = manager.create(Party, {
        committeeId,
        code,
        name: toLocalizedText(input.name, committee.defaultLocale),
        timeZone: input.timeZone,
        locale: input.locale ?? defaultLocale(code, committee.defaultLocale),
        workWeek: input.workWeek ?? defaultWorkWeek(code),
        workingHours: input.workingHours ?? { start: '09:00', end: '17:00' },
        // Defaulting to the party's own country only when the holiday library knows it.
        holidayCountry:
          input.holidayCountry === undefined && holidayCountry && !isHolidayCountrySupported(holidayCountry)
            ? null
            : holidayCountry,
        extraNonWorkingDays: input.extraNonWorkingDays ?? [],
        extraWorkingDays: input.extraWorkingDays ?? [],
      });
      checkParty(party);
      await assertCodeFree(manager.getRepository(Party), committeeId, code);
      const saved = await manager.save(party);
      await touchCommittee(manager, committeeId);
      return saved;
    });
  }

  async list(principal: Principal, committeeId: string, page: PageQuery): Promise<Page<Party>> {
    assertCanReadCommittee(principal, committeeId);
    return this.parties.pageOf(committeeId, page);
  }

  async get(principal: Principal, committeeId: string, id: string): Promise<Party> {
    assertCanReadCommittee(principal, committeeId);
    const party = await this.dataSource.getRepository(Party).findOneBy({ id, committeeId });
    if (!party) throw new NotFoundError('Party');
    return party;
  }

  async update(principal: Principal, committeeId: string, id: string, input: UpdatePartyDto): Promise<Party> {
    assertCanManageCommittee(principal, committeeId);
    return this.dataSource.transaction(async (manager) => {
      const party = await manager.findOne(Party, {
        where: { id, committeeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!party) throw new NotFoundError('Party');
      const committee = await manager.findOneByOrFail(Committee, { id: committeeId });
      const code = input.code?.toUpperCase();
      if (code && code !== party.code) await assertCodeFree(manager.getRepository(Party), committeeId, code);
      Object.assign(party, {
        ...(code && { code }),
        ...(input.name !== undefined && { name: toLocalizedText(input.name, committee.defaultLocale) }),
        ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.workWeek !== undefined && { workWeek: input.workWeek }),
        ...(input.workingHours !== undefined && { workingHours: input.workingHours }),
        ...(input.holidayCountry !== undefined && {
          holidayCountry: input.holidayCountry?.toUpperCase() ?? null,
        }),
        ...(input.extraNonWorkingDays !== undefined && { extraNonWorkingDays: input.extraNonWorkingDays }),
        ...(input.extraWorkingDays !== undefined && { extraWorkingDays: input.extraWorkingDays }),
      });
      checkParty(party);
      const saved = await manager.save(party);
      await touchCommittee(manager, committeeId);
      return saved;
    });
  }
}

/** Rules that span fields, checked after defaults are applied. */
function checkParty(party: Party): void {
  const problems: FieldProblem[] = [];
  if (party.workingHours.start >= party.workingHours.end) {
    problems.push({ path: 'workingHours.end', message: 'must be after workingHours.start' });
  }
  if (party.holidayCountry && !isHolidayCountrySupported(party.holidayCountry)) {
    problems.push({ path: 'holidayCountry', message: 'is a country whose public holidays are not known' });
  }
  for (const field of ['extraNonWorkingDays', 'extraWorkingDays'] as const) {
    party[field].forEach((date, index) => {
      if (!isCalendarDate(date)) {
        problems.push({ path: `${field}[${index}]`, message: 'is not a real calendar date' });
      }
    });
  }
  const both = party.extraNonWorkingDays.filter((date) => party.extraWorkingDays.includes(date));
  if (both.length > 0) {
    problems.push({
      path: 'extraWorkingDays',
      message: `cannot also be non-working days: ${both.join(', ')}`,
    });
  }
  if (problems.length > 0) throw new UnprocessableError(problems);
}

async function assertCodeFree(parties: Repository<Party>, committeeId: string, code: string): Promise<void> {
  if (await parties.existsBy({ committeeId, code })) {
    throw new ConflictError(PartyErrorCode.CodeTaken, `The committee already has a party ${code}`, [
      { path: 'code', message: 'is already used by another party of this committee' },
    ]);
  }
}
