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
/** The session entity beside the view, counted at a flat size. */
const SESSION_BYTES = 4_096;

/**
 * The shared parts of session pages (all but the reader's answer and the minutes), kept by the
 * session's committee's content version, which every change such a part could show raises in the
 * same transaction; the version is read with the signed-in delegate on every view, so a change
 * through any instance is seen on the next one. A committee's delegates share few languages and
 * zones, so after an invitation most of them open a part that another has already built.
 */
@Injectable()
export class SessionViews {
  private readonly views = new ByteBudgetLru<KeptSessionView>(MAX_VIEWS, MAX_BYTES);

  async get(key: SessionViewKey, build: () => Promise<KeptSessionView>): Promise<KeptSessionView> {
    const id = `${key.sessionId}|${key.contentVersion}|${key.lang}|${key.viewerZone}`;
    const kept = this.views.get(id);
    if (kept) return kept;
    const built = await build();
    // Strings count twice: UTF-16.
    this.views.set(id, built, 2 * (id.length + JSON.stringify(built.view).length) + SESSION_BYTES);
    return built;
  }
}
