/** What the status bar says about the active plan: "17/24 sections, 3 errors, review due in 190 days". */
import type { StatusParams } from '../shared/protocol';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusText(s: StatusParams): string {
  const parts: string[] = [];
  if (s.sectionsTotal) parts.push(`${s.sectionsComplete ?? 0}/${s.sectionsTotal} sections`);
  parts.push(s.errors ? plural(s.errors, 'error') : s.warnings ? plural(s.warnings, 'warning') : 'no problems');
  if (s.reviewInDays !== undefined) {
    parts.push(
      s.reviewInDays < 0
        ? `review overdue by ${plural(-s.reviewInDays, 'day')}`
        : s.reviewInDays === 0
          ? 'review due today'
          : `review due in ${plural(s.reviewInDays, 'day')}`,
    );
  }
  return parts.join(', ');
}

export function statusIcon(s: StatusParams): string {
  return s.errors ? '$(error)' : s.warnings ? '$(warning)' : '$(check)';
}
