import type { PageContext } from '../pages/page-context.js';
import { href } from '../pages/page-context.js';
import { Layout } from './layout.js';

/** A page with a title and a sentence: errors, "link sent", "signed out". */
export function MessagePage(props: { ctx: PageContext; title: string; text: string; showSignIn?: boolean }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        {ctx.viewer || !props.showSignIn ? (
          <a href={href(ctx, '/my')}>{ctx.t.home}</a>
        ) : (
          <a href={href(ctx, '/signin')}>{ctx.t.signIn}</a>
        )}
      </p>
    </Layout>
  );
}
