import { unzipSync, strFromU8 } from 'fflate';

/** Opens a .docx (a ZIP) and answers the XML of its main document part. */
export function documentXml(docx: Buffer): string {
  const files = unzipSync(new Uint8Array(docx));
  const part = files['word/document.xml'];
  if (!part) throw new Error(`no word/document.xml in ${Object.keys(files).join(', ')}`);
  return strFromU8(part);
}

/** The paragraphs (`<w:p>…</w:p>`) of document.xml whose text contains `text`. */
export function paragraphsWith(xml: string, text: string): string[] {
  return (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).filter((paragraph) =>
    paragraph.includes(text),
  );
}

/** supertest parser that collects a binary body into a Buffer. */
export function binary(response: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}
