/**
 * The zip a .docx is, opened with yauzl and read one part at a time: a part is inflated only when
 * asked for (pictures and embedded files never are), and its bytes are counted as they come out of
 * the inflater, each part and all of them together. The sizes a zip declares are not trusted: a
 * 150 KB file can hold 50 MB of XML, and a lying header is caught by the count (and by yauzl, which
 * checks every entry against its declared size).
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';
import { formatCount, formatMegabytes, IMPORT_LIMITS, ImportError, RESAVE_WORD, tooComplex } from './import-limits.js';

export interface DocxPackage {
  has(name: string): boolean;
  names(): string[];
  /** The part's bytes, inflated within the limits (read once, then kept). */
  read(name: string): Promise<Buffer>;
  close(): void;
}

const DAMAGED = `it is damaged: its contents cannot be unpacked. ${RESAVE_WORD}`;

function fromBuffer(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) =>
      err || !zip ? reject(new ImportError(DAMAGED)) : resolve(zip),
    );
  });
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      if (entries.has(entry.fileName)) {
        reject(new ImportError(`it is damaged: it holds two parts named '${entry.fileName}'. ${RESAVE_WORD}`));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new ImportError(DAMAGED)));
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(new ImportError(DAMAGED)) : resolve(stream)));
  });
}

export async function openDocxPackage(bytes: Buffer, limits = IMPORT_LIMITS): Promise<DocxPackage> {
  const zip = await fromBuffer(bytes);
  try {
    if (zip.entryCount > limits.zipEntries)
      throw tooComplex(
        `it is a zip of ${formatCount(zip.entryCount)} parts (a Word document has a few dozen, and one per picture)`,
        RESAVE_WORD,
      );
    const entries = await listEntries(zip);
    const inflated = new Map<string, Buffer>();
    let total = 0;

    const tooLarge = (name: string) =>
      tooComplex(`its part '${name}' unpacks to more than ${formatMegabytes(limits.partBytes)}`, RESAVE_WORD);
    const tooLargeInAll = () =>
      tooComplex(`its parts unpack to more than ${formatMegabytes(limits.totalBytes)} in all`, RESAVE_WORD);

    const inflate = async (name: string, entry: Entry): Promise<Buffer> => {
      if (entry.isEncrypted())
        throw new ImportError(
          `it is protected with a password. Remove the password in Word, save it and import it again.`,
        );
      // Declared sizes are checked first only to refuse early; what counts is what comes out.
      if (entry.uncompressedSize > limits.partBytes) throw tooLarge(name);
      if (total + entry.uncompressedSize > limits.totalBytes) throw tooLargeInAll();
      const stream = await openStream(zip, entry);
      const chunks: Buffer[] = [];
      let size = 0;
      return new Promise<Buffer>((resolve, reject) => {
        const fail = (e: ImportError) => {
          stream.destroy();
          reject(e);
        };
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.partBytes) return fail(tooLarge(name));
          if (total > limits.totalBytes) return fail(tooLargeInAll());
          chunks.push(chunk);
        });
        stream.on('error', () => fail(new ImportError(DAMAGED)));
        stream.on('end', () => resolve(Buffer.concat(chunks, size)));
      });
    };

    return {
      has: (name) => entries.has(name),
      names: () => [...entries.keys()],
      read: async (name) => {
        const done = inflated.get(name);
        if (done) return done;
        const entry = entries.get(name);
        if (!entry) throw new ImportError(`it is damaged: the part '${name}' it refers to is missing. ${RESAVE_WORD}`);
        const bytes = await inflate(name, entry);
        inflated.set(name, bytes);
        return bytes;
      },
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}
