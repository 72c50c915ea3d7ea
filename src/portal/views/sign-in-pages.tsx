import type { PageContext } from '../pages/page-context.js';
import { Layout } from './layout.js';

export function SignInPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t.signInTitle}>
      <h1>{t.signInTitle}</h1>
      <p>{t.signInIntro}</p>
      <form method="post" action={`/signin?lang=${props.ctx.lang}`} class="card">
        <label for="email">{t.email}</label>
        <p>
          <input id="email" name="email" type="email" autocomplete="email" required dir="ltr" />
        </p>
        <button type="submit">{t.sendLink}</button>
      </form>
    </Layout>
  );
}

/** A one-time link asks for one click first, so that mail scanners opening it do not use it up. */
export function ConfirmSignInPage(props: { ctx: PageContext; token: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t.confirmTitle}>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirmIntro}</p>
      <form method="post" action={`/signin/${props.token}`}>
        <button type="submit">{t.continue}</button>
      </form>
    </Layout>
  );
}
