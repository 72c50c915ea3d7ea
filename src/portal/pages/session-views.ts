import { Injectable } from '@nestjs/common';
import { ByteBudgetLru } from '../../common/cache/byte-budget-lru.js';
import type { Session } from '../../sessions/session.entity.js';
import type { PortalLanguage } from '../i18n/messages.js';
import type { SharedSessionView } from './session-page.model.js';

/** A session page's shared part, with the session it was built from (the minutes need it). */
export interface KeptSessionView {
  session: Session;
  view: SharedSessionView;
}

/** What a shared part depends on: the session at a content version, in a language and zone. */
export interface SessionViewKey {
  sessionId: string;
  contentVersion: number;
  lang: PortalLanguage;
  viewerZone: string;
}

const MAX_VIEWS = 5_000;
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The shared parts of session pages (all but the reader's name, answer and the minutes), kept by
 * the session's committee's content version, which every change such a part could show raises in
 * the same transaction; the version is read with the signed-in delegate on every view, so a change
 * through any instance is seen on the next one. Delegates of one language and zone share a part
 * until the committee next changes (an answer to an invitation is a change too); views that miss
 * at the same moment share one build.
 */
@Injectable()
export class SessionViews {
  private readonly views = new ByteBudgetLru<KeptSessionView>(MAX_VIEWS, MAX_BYTES);
  private readonly building = new Map<string, Promise<KeptSessionView>>();

  async get(key: SessionViewKey, build: () => Promise<KeptSessionView>): Promise<KeptSessionView> {
    const id = `${key.sessionId}|${key.contentVersion}|${key.lang}|${key.viewerZone}`;
    const kept = this.views.get(id);
    if (kept) return kept;
    let pending = this.building.get(id);
    if (!pending) {
      pending = build().finally(() => this.building.delete(id));
      this.building.set(id, pending);
    }
    const built = await pending;
    // Strings count twice (UTF-16); the session entity holds every language of its texts.
    const size = 2 * (id.length + JSON.stringify(built.view).length + JSON.stringify(built.session).length);
    this.views.set(id, built, size);
    return built;
  }
}
