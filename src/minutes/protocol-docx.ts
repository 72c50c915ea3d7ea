import { createHash } from 'node:crypto';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';
import type { ProtocolModel, ProtocolSection } from './protocol-model.js';

export interface ProtocolDocument {
  bytes: Buffer;
  sha256: string;
}

/**
 * The protocol model as a Word document: a title page, then each language's full text in its
 * own section. Persian paragraphs are bidirectional with right-to-left runs (w:bidi, w:rtl).
 */
export async function writeProtocolDocx(model: ProtocolModel): Promise<ProtocolDocument> {
  const titlePage: ISectionOptions = {
    children: model.title.flatMap((entry) =>
      entry.lines.map((line, index) =>
        paragraph(line, entry.rightToLeft, {
          heading: index === 0 ? HeadingLevel.TITLE : HeadingLevel.HEADING_2,
          center: true,
        }),
      ),
    ),
  };
  const document = new Document({
    creator: 'Quorum',
    title: model.title.map((entry) => entry.lines[0]).join(' / '),
    sections: [titlePage, ...model.sections.map(languageSection)],
  });
  const bytes = await Packer.toBuffer(document);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function languageSection(section: ProtocolSection): ISectionOptions {
  const rtl = section.rightToLeft;
  const line = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    paragraph(text, rtl, { heading });
  return {
    children: [
      line(section.heading, HeadingLevel.HEADING_1),
      ...section.lines.map((text) => line(text)),
      line(section.attendanceHeading, HeadingLevel.HEADING_2),
      ...section.attendance.flatMap((party) => [
        line(party.party, HeadingLevel.HEADING_3),
        ...party.names.map((name) => line(`• ${name}`)),
      ]),
      line(section.agendaHeading, HeadingLevel.HEADING_2),
      ...section.items.flatMap((item) => [
        line(item.heading, HeadingLevel.HEADING_3),
        ...(item.notes ? [line(item.notes)] : []),
        ...(item.decisions.length > 0 ? [line(section.decisionsHeading, HeadingLevel.HEADING_4)] : []),
        ...item.decisions.map((text) => line(`• ${text}`)),
        ...(item.actionItems.length > 0 ? [line(section.actionItemsHeading, HeadingLevel.HEADING_4)] : []),
        ...item.actionItems.map((text) => line(`• ${text}`)),
      ]),
      line(section.authenticity),
      line(section.signaturesHeading, HeadingLevel.HEADING_2),
      ...section.signatures.flatMap((block) => [
        line(`${block.role} — ${block.party}`, HeadingLevel.HEADING_4),
        line(block.name || ' '),
        ...(block.position ? [line(block.position)] : []),
        line('______________________________'),
      ]),
    ],
  };
}

function paragraph(
  text: string,
  rightToLeft: boolean,
  options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; center?: boolean },
): Paragraph {
  return new Paragraph({
    bidirectional: rightToLeft,
    heading: options.heading,
    ...(options.center && { alignment: AlignmentType.CENTER }),
    children: [new TextRun({ text, rightToLeft })],
  });
}
