import { DomainError } from '../common/errors/problem.js';
import type { MinutesContent } from './minutes-content.js';
import {
  agreeingParty,
  assertCorrectable,
  changedPaths,
  checkSigning,
  recordAgreement,
  requiredParties,
  statusAfterEdit,
} from './minutes-workflow.js';

const IR = 'party-ir';
const RU = 'party-ru';
const actor = { tokenId: 't1', role: 'organizer', partyId: IR };
const at = new Date('2026-12-01T12:00:00Z');

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'no error';
}

describe('minutes workflow', () => {
  it.each([
    ['draft', 'draft'],
    ['agreed', '409 minutes-agreed'],
    ['signed', '409 minutes-signed'],
  ] as const)('an edit of %s minutes gives %s', (status, expected) => {
    const outcome = codeOf(() => statusAfterEdit(status));
    expect(outcome === 'no error' ? statusAfterEdit(status) : outcome).toBe(expected);
  });

  it.each([
    [
      [IR, RU],
      [IR, RU],
      [IR, RU],
    ],
    [[IR, RU], [IR], []],
    [[IR, RU], [], []],
    [[IR, RU], [IR, 'party-of-another-committee'], []],
  ])('parties %j with organizers for %j need agreements of %j', (parties, organizers, expected) => {
    expect(requiredParties(parties, organizers)).toEqual(expected);
  });

  it('needs every required party before the minutes are agreed, each once', () => {
    const afterIr = recordAgreement({ status: 'draft', agreements: [] }, IR, actor, at, [IR, RU]);
    expect(afterIr.status).toBe('draft');
    expect(afterIr.agreements).toEqual([
      { partyId: IR, agreedAt: '2026-12-01T12:00:00.000Z', agreedBy: actor },
    ]);
    expect(codeOf(() => recordAgreement({ ...afterIr }, IR, actor, at, [IR, RU]))).toBe('409 already-agreed');
    const afterRu = recordAgreement(afterIr, RU, { ...actor, partyId: RU }, at, [IR, RU]);
    expect(afterRu.status).toBe('agreed');
    expect(codeOf(() => recordAgreement(afterRu, RU, actor, at, [IR, RU]))).toBe('409 minutes-agreed');
    expect(codeOf(() => recordAgreement({ status: 'signed', agreements: [] }, IR, actor, at, []))).toBe(
      '409 minutes-signed',
    );
  });

  it('lets one agreement suffice when a single secretariat runs the committee', () => {
    expect(recordAgreement({ status: 'draft', agreements: [] }, RU, actor, at, []).status).toBe('agreed');
  });

  it('takes the agreeing party from the token, or from the body for a party-less caller', () => {
    expect(agreeingParty({ partyId: IR }, undefined, [IR, RU])).toBe(IR);
    expect(agreeingParty({ partyId: IR }, IR, [IR, RU])).toBe(IR);
    expect(codeOf(() => agreeingParty({ partyId: IR }, RU, [IR, RU]))).toBe('422 validation-failed');
    expect(agreeingParty({ partyId: null }, RU, [IR, RU])).toBe(RU);
    expect(codeOf(() => agreeingParty({ partyId: null }, undefined, [IR, RU]))).toBe('422 validation-failed');
    expect(codeOf(() => agreeingParty({ partyId: null }, 'elsewhere', [IR, RU]))).toBe(
      '422 validation-failed',
    );
  });

  it('signs agreed minutes only, with a signatory of each party who belongs to it', () => {
    const parties = new Map([
      ['p-ir', IR],
      ['p-ru', RU],
    ]);
    const both = [
      { partyId: IR, participantId: 'p-ir' },
      { partyId: RU, participantId: 'p-ru' },
    ];
    expect(codeOf(() => checkSigning('agreed', both, parties, [IR, RU]))).toBe('no error');
    expect(codeOf(() => checkSigning('draft', both, parties, [IR, RU]))).toBe('409 minutes-not-agreed');
    expect(codeOf(() => checkSigning('signed', both, parties, [IR, RU]))).toBe('409 minutes-signed');
    expect(codeOf(() => checkSigning('agreed', both.slice(0, 1), parties, [IR, RU]))).toBe(
      '422 validation-failed',
    );
    expect(
      codeOf(() =>
        checkSigning('agreed', [{ partyId: IR, participantId: 'p-ru' }, both[1]], parties, [IR, RU]),
      ),
    ).toBe('422 validation-failed');
  });

  it('opens a correction on agreed or signed minutes only', () => {
    expect(codeOf(() => assertCorrectable('signed'))).toBe('no error');
    expect(codeOf(() => assertCorrectable('agreed'))).toBe('no error');
    expect(codeOf(() => assertCorrectable('draft'))).toBe('409 minutes-draft');
  });

  it('names what an edit changed, whatever the key order', () => {
    const before: MinutesContent = {
      attendance: [{ participantId: 'a', partyId: IR, present: true }],
      items: [
        {
          agendaItemId: 'i1',
          number: '1',
          title: { en: 'One' },
          notes: { ru: 'x', fa: 'y' },
          decisions: [],
          actionItems: [],
        },
        {
          agendaItemId: 'i2',
          number: '2',
          title: { en: 'Two' },
          notes: null,
          decisions: [],
          actionItems: [],
        },
      ],
    };
    const after: MinutesContent = {
      attendance: [{ present: false, partyId: IR, participantId: 'a' }],
      items: [
        {
          agendaItemId: 'i1',
          number: '1',
          title: { en: 'One' },
          notes: { fa: 'y', ru: 'x' },
          decisions: [],
          actionItems: [],
        },
        {
          agendaItemId: 'i3',
          number: '3',
          title: { en: 'Three' },
          notes: null,
          decisions: [],
          actionItems: [],
        },
      ],
    };
    expect(changedPaths(before, after)).toEqual(['attendance', 'items[i3]', 'items[i2]']);
    expect(changedPaths(before, before)).toEqual([]);
  });
});
