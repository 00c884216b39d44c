/**
 * Practice continuity documents as practices and their template vendors write them, for the import
 * tests (issue 22). Modelled on the shapes of published plans and templates, in words of our own:
 * cover pages with a title, a subtitle and the practice's name, a vendor's name in the small print,
 * "Document control" tables, contents lists, numbered chapters whose parts are the real topics,
 * lettered appendices, tables under sub-headings, and Word's built-in styles (Title, Subtitle,
 * Heading 1-3, Body Text, Compact) or no heading styles at all (bold and capitalised lines).
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) });
const table = (...rows: string[][]) => new Table({ rows: rows.map((r) => row(...r)) });
const body = (text: string) => new Paragraph({ text, style: 'BodyText' });
const compact = (text: string) => new Paragraph({ text, style: 'Compact' });
const bold = (text: string, size?: number) => new Paragraph({ children: [new TextRun({ text, bold: true, size })] });
const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    text,
    heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1],
  });
const step = (text: string) => new Paragraph({ text, numbering: { reference: 'steps', level: 0 } });
/** A line of a Word contents list: a link to the heading's bookmark, with its page number. */
const contentsLine = (text: string, page: number) =>
  new Paragraph({
    style: 'TOC1',
    children: [
      new InternalHyperlink({ anchor: `_Toc${page}${text.length}`, children: [new TextRun(`${text}\t${page}`)] }),
    ],
  });

const STYLES = {
  paragraphStyles: [
    { id: 'Title', name: 'Title', basedOn: 'Normal', run: { size: 56, bold: true } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { size: 32, italics: true } },
    { id: 'BodyText', name: 'Body Text', basedOn: 'Normal' },
    { id: 'Compact', name: 'Compact', basedOn: 'Normal' },
    { id: 'TOC1', name: 'toc 1', basedOn: 'Normal' },
    { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', run: { bold: true } },
  ],
};
const NUMBERING = {
  config: [
    {
      reference: 'steps',
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
    },
  ],
};

/**
 * A vendor's template as a practice filled it in: the plan's type as the title, a subtitle, the
 * practice's name ("The Practice of Health", no "Surgery") on the cover, the vendor's name in the
 * small print, a contents list, a chapter with no words of its own whose parts are the topics, and
 * a chapter that is a section whose only part looks like another section.
 */
export function vendorTemplatePlan(): Promise<Buffer> {
  const doc = new Document({
    title: 'Business Continuity Plan Template',
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        children: [
          new Paragraph({ text: 'Business Continuity Plan', style: 'Title' }),
          new Paragraph({ text: 'Disaster Recovery Plan (DRP)', style: 'Subtitle' }),
          bold('The Practice of Health', 36),
          compact('Version 4.2, reviewed March 2025'),
          compact('Template supplied by First Practice Management Ltd and adapted by the practice.'),
          new Paragraph({ children: [new PageBreak()] }),
          bold('Document Control'),
          table(
            ['Version', 'Date', 'Author', 'Changes'],
            ['4.1', '01/03/2024', 'Practice Manager', 'Annual review'],
            ['4.2', '01/03/2025', 'Practice Manager', 'New telephone provider'],
          ),
          new Paragraph({ text: 'Contents', style: 'TOCHeading' }),
          contentsLine('1 Introduction', 3),
          contentsLine('2 Incident Response', 4),
          contentsLine('2.2 Loss of Telephone System', 5),
          contentsLine('3 Communication', 6),
          heading('1 Introduction', 1),
          body(
            'This plan sets out how the practice keeps patients safe when the clinical system, the telephones or the building are lost.',
          ),
          heading('1.1 Purpose', 2),
          body('To restore essential services within four hours and to keep a paper record of everything done.'),
          heading('2 Incident Response', 1),
          heading('2.1 Loss of Computer System', 2),
          heading('2.1.1 Short Term Loss', 3),
          body('Reception prints the day list from the last backup and books urgent patients on paper.'),
          heading('2.1.2 Long Term Loss', 3),
          body('The duty doctor decides which clinics continue; notes are written on the paper templates.'),
          heading('2.2 Loss of Telephone System', 2),
          step('Reception Supervisor: ring the telephony provider fault line on the practice mobile.'),
          step('Reception Supervisor: switch the divert to the practice mobile 07700 900123.'),
          step('Practice Manager: put a notice on the website and the front door.'),
          heading('2.3 Loss of Electricity Supply', 2),
          body('Ring the landlord, then the electricity network operator on 105.'),
          heading('3 Communication', 1),
          heading('3.1 Key Contacts', 2),
          table(
            ['Contact', 'Organisation', 'Phone'],
            ['GP IT service desk', 'Hexley ICB', '01632 960000'],
            ['Telephony provider', 'Callwell', '0800 000 0000'],
          ),
          heading('Appendix A – Buddy Practice Arrangements', 1),
          body('Riverside Surgery will take our urgent calls and print prescriptions for us.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A plan with the practice's name as the title and a second title line under it, the name and
 * address written after the practice code, topics as Heading 1 without numbers, lettered parts and
 * tables under parts.
 */
export function twoTitlePlan(): Promise<Buffer> {
  const doc = new Document({
    title: 'BCP',
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        children: [
          new Paragraph({ text: 'Elm Park Surgery', style: 'Title' }),
          heading('Service Continuity Plan & Risk Assessment', 1),
          compact('Practice code: M85042. Elm Park Surgery, 3 Station Road, Hexley HX1 2AB. Telephone: 01632 960321'),
          compact('Date of next review: September 2026'),
          heading('Purpose and Scope', 1),
          body('This plan covers the loss of the clinical system, prescribing and the telephones.'),
          heading('Roles and Responsibilities', 1),
          table(
            ['Role', 'Name', 'Deputy', 'Responsibilities'],
            ['Incident lead', 'Practice Manager', 'Assistant Practice Manager', 'Leads the response'],
            ['Clinical lead', 'Duty Doctor', 'Advanced Nurse Practitioner', 'Clinical decisions'],
          ),
          heading('Loss of Clinical System', 1),
          heading('a) Short outage (under four hours)', 2),
          body('Use the printed day list; write consultations on the paper template.'),
          heading('b) Long outage', 2),
          body('Ask the buddy practice for access; move routine clinics.'),
          heading('Telephone Failure', 1),
          step('Reception Lead: divert the main number to the practice mobile.'),
          step('Reception Lead: record the outage message on the mobile.'),
          heading('Key Contacts', 1),
          table(['Contact', 'Phone'], ['GP IT service desk', '01632 960000'], ['Hexley ICB on-call', '01632 960111']),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A plan written without heading styles: capitalised and bold numbered lines, Compact paragraphs,
 * and a name with no "Surgery", "Practice" or "Centre" in it.
 */
export function unstyledPlan(): Promise<Buffer> {
  const doc = new Document({
    title: 'Hexley Health - Business Continuity Plan',
    styles: STYLES,
    sections: [
      {
        children: [
          bold('HEXLEY HEALTH'),
          bold('BUSINESS CONTINUITY PLAN'),
          bold('IT and Telephony Outage Procedures'),
          compact('Owner: Practice Manager. Last reviewed: 1 February 2025.'),
          bold('1. Activation'),
          compact('The duty manager declares an incident when the clinical system has been down for 30 minutes.'),
          bold('2. Key Contacts'),
          table(['Contact', 'Phone'], ['GP IT service desk', '01632 960000']),
          bold('3. Telephony'),
          compact('Divert the main number to the practice mobile.'),
          bold('4. Prescribing'),
          compact('Print FP10 prescriptions by hand and log each one.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A plan published as a page of a practice's website: the name only in the page's title. */
export const WEBSITE_PLAN = `<!doctype html>
<html><head><title>IT outage plan | Dr Okafor &amp; Partners</title></head>
<body>
<nav><a href="/">Home</a> <a href="/policies">Policies</a></nav>
<h1>IT Outage Business Continuity Plan</h1>
<p>Reviewed April 2025 by the partners.</p>
<h2>1. Who does what</h2>
<table><tr><th>Role</th><th>Name</th><th>Deputy</th></tr><tr><td>Incident lead</td><td>Practice Manager</td><td>Senior Receptionist</td></tr></table>
<h2>2. Telephone system failure</h2>
<ol><li>Reception: divert calls to the practice mobile.</li><li>Practice Manager: tell the ICB.</li></ol>
<h2>3. Contacts</h2>
<ul><li>GP IT service desk: 01632 960000</li></ul>
<footer><p>Website by Practice Web Solutions Ltd.</p></footer>
</body></html>`;

/** A plan that never says whose it is. */
export const NAMELESS_PLAN = `IT outage plan

Telephony failure

Divert the main number to the practice mobile.

Key contacts

- GP IT service desk: 01632 960000
`;
