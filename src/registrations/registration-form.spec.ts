import { readRegistrationForm, registrantZone } from './registration-form.js';

const valid = {
  name: ' Мария Иванова ',
  email: 'maria@example.ru',
  organization: 'АО Молоко',
  country: 'ru',
  language: 'ru',
  consent: 'yes',
};

describe('readRegistrationForm', () => {
  it('reads a complete form, trimmed, with the country in capitals', () => {
    expect(readRegistrationForm(valid, [])).toEqual({
      form: {
        name: 'Мария Иванова',
        email: 'maria@example.ru',
        organization: 'АО Молоко',
        country: 'RU',
        language: 'ru',
      },
      problems: [],
    });
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ email: 'maria' }, 'email'],
    [{ email: 'maria@localhost' }, 'email'],
    [{ email: 'two@signs@example.ru' }, 'email'],
    [{ organization: 'x'.repeat(201) }, 'organization'],
    [{ country: 'Russia' }, 'country'],
    [{ language: 'de' }, 'language'],
    [{ consent: 'on' }, 'consent'],
    [{ consent: undefined }, 'consent'],
    [{ email: ['a@example.ru'] }, 'email'],
  ])('names the field of %j', (change, field) => {
    const { form, problems } = readRegistrationForm({ ...valid, ...change }, []);
    expect(form).toBeUndefined();
    expect(problems.map((problem) => problem.path)).toEqual([field]);
  });

  it('takes only addresses of the allowed domains, whatever their case', () => {
    const domains = ['example.ir', 'example.ru'];
    expect(readRegistrationForm({ ...valid, email: 'Maria@Example.RU' }, domains).form).toBeDefined();
    expect(readRegistrationForm({ ...valid, email: 'maria@mail.example.ru' }, domains).problems).toEqual([
      { path: 'email', message: 'is not of a domain that may register' },
    ]);
  });
});

describe('registrantZone', () => {
  it.each([
    ['IR', 'Europe/Moscow', 'Asia/Tehran'],
    ['RU', 'Asia/Tehran', 'Europe/Moscow'],
    ['DE', 'Asia/Tehran', 'Asia/Tehran'],
  ])('%s reads a webinar held in %s first in %s', (country, zoneOfRecord, expected) => {
    expect(registrantZone(country, zoneOfRecord)).toBe(expected);
  });
});
