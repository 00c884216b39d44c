/**
 * A generated ICB estate with known faults, for the estate tests: plans made from the shipped
 * examples (each with its own practice name and ODS code), a fault pattern by plan number, and a
 * quarter of the plans taking their cyber security section from one shared file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './plans.js';
// The benchmark's generator: the same realistic plans, kept in one place.
import { makePlan, seedPlans } from '../../bench/estate.js';
import { takeSection, tempRepository, withShared, sharedFile } from './shared-content.js';

export type Fault =
  'missing-telephony' | 'review-overdue' | 'review-due-soon' | 'empty-cost-log' | 'placeholder' | 'none';

/** The fault plan `i` carries: one in ten of each kind, half the estate clean. */
export function faultOf(i: number): Fault {
  return (
    [
      'none',
      'missing-telephony',
      'review-overdue',
      'review-due-soon',
      'empty-cost-log',
      'placeholder',
      'none',
      'none',
      'none',
      'none',
    ] as const
  )[i % 10];
}

export const usesSharedCyber = (i: number) => i % 4 === 0;

export const planPath = (i: number) => `plans/practice-${String(i).padStart(3, '0')}.md`;

function withFault(text: string, fault: Fault): string {
  switch (fault) {
    case 'missing-telephony':
      return takeSection(text, 'Telephony failure').plan;
    case 'review-overdue':
      return text
        .replace(/^last_reviewed: .*$/m, 'last_reviewed: 2025-06-01')
        .replace(/^next_review: .*$/m, 'next_review: 2026-06-01');
    case 'review-due-soon':
      return text
        .replace(/^date_issued: .*$/m, 'date_issued: 2025-12-10')
        .replace(/^last_reviewed: .*$/m, 'last_reviewed: 2025-12-10')
        .replace(/^next_review: .*$/m, 'next_review: 2026-12-10');
    case 'empty-cost-log':
      return text.replace(/## Cost and impact log\n[\s\S]*?\n(## )/, '## Cost and impact log\n\n$1');
    case 'placeholder':
      return text.replace('## Mutual aid\n\n', '## Mutual aid\n\nRing {{buddy practice manager mobile}} first.\n\n');
    default:
      return text;
  }
}

export interface Estate {
  root: string;
  count: number;
  sharedCyber: string;
}

export function writeEstate(count: number): Estate {
  const seeds = seedPlans();
  const files: Record<string, string> = {};
  // Riverside's section: it holds no include of its own.
  const riverside = seeds.find((t) => t.includes('Riverside Medical Centre'))!;
  const cyber = takeSection(riverside, 'Cyber security and staff awareness').section;
  for (let i = 0; i < count; i++) {
    let text = withFault(makePlan(seeds[i % seeds.length], i, 0), faultOf(i));
    if (usesSharedCyber(i))
      text = withShared(takeSection(text, 'Cyber security and staff awareness').plan, ['../shared/cyber.md']);
    files[planPath(i)] = text;
  }
  files['shared/cyber.md'] = sharedFile('ICB cyber security guidance for every practice', cyber);
  // The examples the plans are made from include the staff rules the shipped plans share.
  files['plans/shared/nhs-cyber-staff-rules.md'] = readFileSync(
    join(ROOT, 'plans/shared/nhs-cyber-staff-rules.md'),
    'utf8',
  );
  const root = tempRepository(files);
  return { root, count, sharedCyber: join(root, 'shared/cyber.md') };
}
