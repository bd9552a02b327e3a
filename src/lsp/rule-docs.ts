// Where a rule's documentation is: docs/rules.md, whose `## <rule-id>`
// headings are the anchors, in the repository the package names, or in the
// checkout the server runs from.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../engine/index.js';
import { packageRoot } from '../package-files.js';
import { say, TEXTS } from './texts.js';

/** The repository's web address from package.json (`repository` or `homepage`), if it names one. */
function repositoryUrl(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { repository?: string | { url?: string }; homepage?: string };
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const url = repo?.replace(/^git\+/, '').replace(/\.git$/, '');
    if (url && /^https:\/\/github\.com\//.test(url)) return url;
  } catch {
    // No readable package.json: no link from it.
  }
  return undefined;
}

/**
 * The base the rule anchors are appended to: `given` (the client's
 * initializationOptions.ruleDocsUrl), the repository's docs/rules.md on
 * GitHub, or the file in the checkout; undefined when there is none.
 */
export function rulesDocBase(given?: string): string | undefined {
  if (given) return given;
  const repo = repositoryUrl();
  if (repo) return `${repo}/blob/main/docs/rules.md`;
  const local = join(packageRoot, 'docs', 'rules.md');
  return existsSync(local) ? pathToFileURL(local).href : undefined;
}

export function ruleDocUrl(base: string | undefined, ruleId: string): string | undefined {
  return base ? `${base}#${ruleId}` : undefined;
}

/** A problem's hover: the rule's title, why it exists and the notice's clause, in the linter's locale. */
export function ruleHover(rule: { id: string; title: string; description: string; clause: string }, locale: Locale, docs: string | undefined): string {
  const lines = [`**${rule.title}** \`${rule.id}\``, '', rule.description.trim()];
  if (rule.clause) lines.push('', `${say(TEXTS.clause, locale)}: ${rule.clause}`);
  if (docs) lines.push('', `[${say(TEXTS.ruleDocs, locale)}](${docs})`);
  return lines.join('\n');
}
