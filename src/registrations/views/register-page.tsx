import { fill } from '../../portal/i18n/messages.js';
import type { PageContext } from '../../portal/pages/page-context.js';
import { localDigits } from '../../portal/pages/zoned-labels.js';
import { Layout } from '../../portal/views/layout.js';
import { FORM_COUNTRIES } from '../registration-form.js';
import { REGISTRATION_LANGUAGES } from '../registration.entity.js';
import { WebinarSummary } from './webinar-summary.js';
import type { WebinarPageModel } from './webinar-page.model.js';

export interface RegisterFormState {
  values: Record<string, string>;
  /** Field name → problem, after a post that did not go through. */
  problems: Record<string, string>;
}

const LANGUAGE_NAMES = { fa: 'فارسی', ru: 'Русский', en: 'English' } as const;

/** The public registration page: the webinar, then the form (or why it takes none now). */
export function RegisterPage(props: RegisterProps) {
  const { ctx, webinar } = props;
  const words = ctx.t.registration;
  return (
    <Layout ctx={ctx} title={`${words.title}: ${webinar.title}`}>
      <WebinarSummary ctx={ctx} webinar={webinar} />
      <section class="card" aria-labelledby="register">
        <h2 id="register">{words.title}</h2>
        <p class="muted">
          {fill(words.seats, { capacity: localDigits(String(webinar.capacity), ctx.lang) })}
        </p>
        {webinar.window === 'not_open' && (
          <p>
            {fill(words.notOpen, {
              date: `${webinar.opensAt.date} ${webinar.opensAt.start} (${webinar.opensAt.city})`,
            })}
          </p>
        )}
        {webinar.window === 'closed' && <p>{words.closed}</p>}
        {webinar.window === 'open' && <RegisterForm {...props} />}
      </section>
    </Layout>
  );
}

interface RegisterProps {
  ctx: PageContext;
  webinar: WebinarPageModel;
  csrfToken: string;
  retentionDays: number;
  form: RegisterFormState;
}

/** A form field's attributes and its problem line, tied together for screen readers. */
function fieldsOf(form: RegisterFormState) {
  return {
    value: (name: string) => form.values[name] ?? '',
    field: (name: string) => ({
      id: name,
      name,
      'aria-invalid': form.problems[name] ? ('true' as const) : undefined,
      'aria-describedby': form.problems[name] ? `${name}-problem` : undefined,
    }),
    problem: (name: string) =>
      form.problems[name] && (
        <p class="field-problem" id={`${name}-problem`}>
          {form.problems[name]}
        </p>
      ),
  };
}

/** The form: who registers, from where, in which language, and the consent to keep it. */
function RegisterForm(props: RegisterProps) {
  const { ctx, webinar, form } = props;
  const words = ctx.t.registration;
  const { value, field, problem } = fieldsOf(form);
  return (
    <form method="post" action={`/register/${webinar.sessionId}?lang=${ctx.lang}`} novalidate>
      <p>{words.intro}</p>
      <ProblemSummary words={words} problems={form.problems} />
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <p>
        <label for="name">
          {words.name} <span class="muted">({words.required})</span>
        </label>
        <input {...field('name')} type="text" autocomplete="name" required value={value('name')} />
        {problem('name')}
      </p>
      <p>
        <label for="email">
          {words.email} <span class="muted">({words.required})</span>
        </label>
        <input
          {...field('email')}
          type="email"
          autocomplete="email"
          required
          dir="ltr"
          value={value('email')}
        />
        {problem('email')}
      </p>
      <p>
        <label for="organization">{words.organization}</label>
        <input
          {...field('organization')}
          type="text"
          autocomplete="organization"
          value={value('organization')}
        />
        {problem('organization')}
      </p>
      <PlaceFields ctx={ctx} form={form} />
      <p class="consent">
        <input
          {...field('consent')}
          type="checkbox"
          value="yes"
          required
          checked={value('consent') === 'yes'}
        />{' '}
        <label for="consent" class="inline-label">
          {fill(words.consent, { days: localDigits(String(props.retentionDays), ctx.lang) })}
        </label>
        {problem('consent')}
      </p>
      <button type="submit">{words.submit}</button>
    </form>
  );
}

/** After a post that did not go through: every problem, each a link to its field. */
function ProblemSummary(props: {
  words: PageContext['t']['registration'];
  problems: Record<string, string>;
}) {
  const names = Object.keys(props.problems);
  if (names.length === 0) return null;
  return (
    <div class="form-problems" role="alert">
      <p>{props.words.fixErrors}</p>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#${name}`}>{props.problems[name]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Country (named in the page's language) and the language of the registrant's mail. */
function PlaceFields(props: { ctx: PageContext; form: RegisterFormState }) {
  const { ctx, form } = props;
  const words = ctx.t.registration;
  const { value, field, problem } = fieldsOf(form);
  const countries = new Intl.DisplayNames([ctx.lang], { type: 'region' });
  return (
    <>
      <p>
        <label for="country">
          {words.country} <span class="muted">({words.required})</span>
        </label>
        <select {...field('country')} required autocomplete="country">
          <option value=""></option>
          {FORM_COUNTRIES.map((code) => (
            <option value={code} selected={value('country') === code}>
              {countries.of(code)}
            </option>
          ))}
        </select>
        {problem('country')}
      </p>
      <p>
        <label for="language">{words.language}</label>
        <select {...field('language')}>
          {REGISTRATION_LANGUAGES.map((lang) => (
            <option value={lang} lang={lang} selected={(value('language') || ctx.lang) === lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
        {problem('language')}
      </p>
    </>
  );
}
