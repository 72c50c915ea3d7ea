import { Global, Module } from '@nestjs/common';
import { InboundMailController } from './inbound-mail.controller.js';
import { InboundRepliesService } from './inbound-replies.service.js';
import { MailLinks } from '../portal/sign-in/mail-links.js';
import { PortalLinksRepository } from '../portal/sign-in/portal-links.repository.js';
import { NoticeOutbox } from './notice-outbox.service.js';
import { NoticeRenderer } from './notice-renderer.service.js';
import { NoticesRepository } from './notices.repository.js';
import { NoticeWorker } from './notice-worker.service.js';
import { RegistrantOutbox } from './registrant-outbox.service.js';
import { OutboxController } from './outbox.controller.js';

/** E-mail notices (iTIP over iMIP): the outbox every write uses, the worker, and replies. */
@Global()
@Module({
  controllers: [OutboxController, InboundMailController],
  providers: [
    NoticesRepository,
    NoticeOutbox,
    RegistrantOutbox,
    NoticeRenderer,
    NoticeWorker,
    InboundRepliesService,
    MailLinks,
    PortalLinksRepository,
  ],
  exports: [NoticeOutbox, RegistrantOutbox, NoticeWorker],
})
export class NoticesModule {}
