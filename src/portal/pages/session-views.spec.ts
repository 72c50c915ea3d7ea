import type { Session } from '../../sessions/session.entity.js';
import type { SharedSessionView } from './session-page.model.js';
import { SessionViews, type KeptSessionView } from './session-views.js';

const key = { sessionId: 's1', contentVersion: 7, lang: 'fa' as const, viewerZone: 'Asia/Tehran' };

function built(title: string): KeptSessionView {
  return {
    session: { id: 's1', title: { en: title } } as unknown as Session,
    view: { title } as SharedSessionView,
  };
}

describe('SessionViews', () => {
  it('builds a part once for views that miss at the same moment, then keeps it', async () => {
    const views = new SessionViews();
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return built('Auto industry');
    };
    const [first, second] = await Promise.all([views.get(key, build), views.get(key, build)]);
    expect(builds).toBe(1);
    expect(second).toBe(first);
    expect((await views.get(key, build)).view.title).toBe('Auto industry');
    expect(builds).toBe(1);
  });

  it('builds again for another version, language or zone', async () => {
    const views = new SessionViews();
    await views.get(key, () => Promise.resolve(built('Auto industry')));
    const titles = await Promise.all(
      [{ contentVersion: 8 }, { lang: 'ru' as const }, { viewerZone: 'Europe/Moscow' }].map(
        async (change) =>
          (await views.get({ ...key, ...change }, () => Promise.resolve(built('Shipbuilding')))).view.title,
      ),
    );
    expect(titles).toEqual(['Shipbuilding', 'Shipbuilding', 'Shipbuilding']);
  });

  it('keeps nothing when a build fails, so the next view builds again', async () => {
    const views = new SessionViews();
    await expect(views.get(key, () => Promise.reject(new Error('not visible')))).rejects.toThrow(
      'not visible',
    );
    expect((await views.get(key, () => Promise.resolve(built('Customs')))).view.title).toBe('Customs');
  });
});
