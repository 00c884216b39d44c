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
      message: 'This file looks like a binary file (it contains NUL bytes), not a markdown plan. Check the file is the plan and not a Word document or PDF.',
    };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hadBom ? bytes.subarray(3) : bytes);
    return { text, hadBom };
  } catch {
    return {
      reason: 'invalid-utf8',
      message:
        'This file is not valid UTF-8 text, so some characters cannot be read (it may have been saved as Windows-1252 or copied from Word). Save it as UTF-8 (in VS Code: "Save with Encoding", then "UTF-8") and check any £ signs and accented names.',
    };
  }
}

export function isDecodeProblem(v: DecodedText | DecodeProblem): v is DecodeProblem {
  return 'reason' in v;
}
