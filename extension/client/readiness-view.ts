/**
 * The plan readiness view: where a practice manager starts. The active plan's progress ("17 of 24
 * sections complete"), the plan details, "Do these first" (by the schema's outage priority), and every
 * section in the schema's order with its state. Clicking a section reveals it; a missing section has
 * an insert action; the view's title bar inserts all missing sections.
 */
import * as vscode from 'vscode';
import type { ReadinessResult, ReadinessSection } from '../shared/protocol';

type Node =
  | { kind: 'progress'; result: ReadinessResult }
  | { kind: 'details'; result: ReadinessResult }
  | { kind: 'group'; id: 'first' | 'all'; result: ReadinessResult }
  | { kind: 'section'; section: ReadinessSection; uri: string; inFirst: boolean }
  | { kind: 'empty'; message: string };

const STATE_LABEL: Record<ReadinessSection['state'], string> = {
  complete: 'complete',
  problems: 'has problems',
  missing: 'missing',
  recommended: 'recommended, not written yet',
};

function stateIcon(s: ReadinessSection): vscode.ThemeIcon {
  switch (s.state) {
    case 'complete':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'problems':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'missing':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    default:
      return new vscode.ThemeIcon('circle-large-outline');
  }
}

export class ReadinessView implements vscode.TreeDataProvider<Node> {
  private result: ReadinessResult | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly load: (uri: string) => Promise<ReadinessResult | undefined>) {}

  /** The plan the view shows, for commands run from its title bar. */
  get uri(): string | undefined {
    return this.result?.isPlan ? this.result.uri : undefined;
  }

  get current(): ReadinessResult | undefined {
    return this.result;
  }

  async refresh(uri: string | undefined): Promise<void> {
    this.result = uri ? await this.load(uri).catch(() => undefined) : undefined;
    void vscode.commands.executeCommand('setContext', 'continuity.readinessHasPlan', !!this.result?.isPlan);
    void vscode.commands.executeCommand(
      'setContext',
      'continuity.readinessMissing',
      this.result?.sections.some((s) => s.state === 'missing') ?? false,
    );
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const r = this.result;
    if (!node) {
      if (!r?.isPlan) return [{ kind: 'empty', message: 'Open your continuity plan to see how ready it is.' }];
      return [
        { kind: 'progress', result: r },
        { kind: 'details', result: r },
        ...(r.doFirst.length ? [{ kind: 'group', id: 'first', result: r } as Node] : []),
        { kind: 'group', id: 'all', result: r },
      ];
    }
    if (node.kind !== 'group') return [];
    const sections =
      node.id === 'first'
        ? node.result.doFirst.map((id) => node.result.sections.find((s) => s.id === id)!).filter(Boolean)
        : node.result.sections;
    return sections.map((section) => ({
      kind: 'section',
      section,
      uri: node.result.uri,
      inFirst: node.id === 'first',
    }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'empty': {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
      case 'progress': {
        const r = node.result;
        const item = new vscode.TreeItem(`${r.complete} of ${r.total} sections complete`);
        const bits = [
          r.errors ? `${r.errors} error${r.errors === 1 ? '' : 's'}` : '',
          r.warnings ? `${r.warnings} warning${r.warnings === 1 ? '' : 's'}` : '',
        ].filter(Boolean);
        item.description = bits.join(', ') || 'no problems';
        item.iconPath = new vscode.ThemeIcon(r.complete === r.total && !r.errors ? 'verified-filled' : 'checklist');
        item.tooltip =
          'A section is complete when it is in the plan and has no problems. Recommended sections count too.';
        item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
        return item;
      }
      case 'details': {
        const r = node.result;
        const item = new vscode.TreeItem('Plan details (practice, owner, dates)');
        item.description = r.detailsProblems ? `${r.detailsProblems} to fix` : 'complete';
        item.iconPath = new vscode.ThemeIcon(r.detailsProblems ? 'edit' : 'pass');
        item.tooltip =
          'Edit the practice name, ODS code, owner, review dates and other details in a form, without touching the text at the top of the plan.';
        item.command = {
          title: 'Open plan details',
          command: 'continuity.openDetails',
          arguments: [vscode.Uri.parse(r.uri)],
        };
        item.contextValue = 'details';
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(
          node.id === 'first' ? 'Do these first' : 'All sections',
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.iconPath = new vscode.ThemeIcon(node.id === 'first' ? 'flame' : 'list-ordered');
        item.tooltip =
          node.id === 'first'
            ? 'What matters most when the IT fails, among the sections still to write or fix.'
            : 'Every section, in the order the schema sets.';
        item.id = `group:${node.id}`;
        return item;
      }
      case 'section': {
        const s = node.section;
        const item = new vscode.TreeItem(s.title);
        item.id = `${node.inFirst ? 'first' : 'all'}:${s.id}`;
        item.description =
          s.state === 'problems'
            ? `${s.problems} problem${s.problems === 1 ? '' : 's'}`
            : s.shared
              ? 'from shared content'
              : STATE_LABEL[s.state];
        item.iconPath = stateIcon(s);
        item.tooltip = new vscode.MarkdownString(
          `**${s.title}**: ${STATE_LABEL[s.state]}${s.why ? `\n\n${s.why}` : ''}`,
        );
        item.contextValue = s.state === 'missing' || s.state === 'recommended' ? 'missingSection' : 'section';
        item.command =
          s.line !== undefined
            ? {
                title: 'Show section',
                command: 'continuity.revealRange',
                arguments: [node.uri, { start: { line: s.line, character: 0 }, end: { line: s.line, character: 0 } }],
              }
            : {
                title: 'About this section',
                command: 'continuity.aboutMissingSection',
                arguments: [{ uri: node.uri, id: s.id, title: s.title, why: s.why }],
              };
        return item;
      }
    }
  }
}
