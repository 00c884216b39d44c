/**
 * Turn a file's bytes into text the engine can check, or say plainly why it cannot.
 * A BOM is dropped (and remembered so `--fix` can put it back), invalid UTF-8 and binary files
 * become a problem instead of mojibake, CRLF is kept as written (positions count it as one line end).
 */
export interface DecodedText {
  text: string;
  hadBom: boolean;
}

export interface DecodeProblem {
  reason: 'binary' | 'invalid-utf8' | 'utf16';
  message: string;
}

export function decodePlanBytes(bytes: Uint8Array): DecodedText | DecodeProblem {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      reason: 'utf16',
      message:
        'This file is saved as UTF-16, which the plan tools cannot read. Save it as UTF-8 (in VS Code: click "UTF-16" in the status bar, then "Save with Encoding", then "UTF-8").',
    };
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) {
    return {
      reason: 'binary',
      message:
        'This file looks like a binary file (it contains NUL bytes), not a markdown plan. Check the file is the plan and not a Word document or PDF.',
    };
  }
  const nul = bytes.indexOf(0, probe.length);
  if (nul !== -1) {
    // Text with a stray NUL: a damaged file or a bad paste. It would print as a box, and editors hide it.
    return {
      reason: 'binary',
      message: `This file contains a NUL character on line ${lineOfByte(bytes, nul)}: an invisible character that a text plan never holds (the file may be damaged, or text was pasted from another program). Delete it (VS Code shows it as a red "NUL") or restore the file from git, then check again.`,
    };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hadBom ? bytes.subarray(3) : bytes);
    return { text, hadBom };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      reason: 'invalid-utf8',
      message: `This file is not valid UTF-8 text, so some characters cannot be read (it may have been saved as Windows-1252 or copied from Word; the first is on line ${lineOfByte(bytes, at)}). Save it as UTF-8 (in VS Code: "Save with Encoding", then "UTF-8") and check any £ signs and accented names.`,
    };
  }
}

/** 1-based line of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (the length when all do). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

export function isDecodeProblem(v: DecodedText | DecodeProblem): v is DecodeProblem {
  return 'reason' in v;
}
