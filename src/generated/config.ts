/* Generated from schemas/config.schema.json by scripts/gen-types.mjs (npm run gen). Do not edit. */

/**
 * off 关闭；其余为严重程度。也接受 ESLint 的 warn（即 warning）和 0、1、2（即 off、warning、error） / off disables the rule; the others set its severity. ESLint's warn (warning) and 0, 1, 2 (off, warning, error) are accepted too
 *
 * This interface was referenced by `ConfigFile`'s JSON-Schema
 * via the `definition` "severity".
 */
export type Severity = 'off' | 'info' | 'warning' | 'error' | 'warn' | 0 | 1 | 2;

/**
 * beianlint.config.yaml（.yml、.json）或 .beianlintrc.yaml（.yml、.json），从工作目录向上查找，或用 --config 指定 / beianlint.config.yaml (.yml, .json) or .beianlintrc.yaml (.yml, .json), searched upward from the working directory, or given with --config
 */
export interface ConfigFile {
  $schema?: string;
  /**
   * 先应用的预设或配置文件：beianlint:recommended、beianlint:provider、beianlint:bureau，或相对于本文件的路径；后面的优先，本文件的 rules 最优先 / Presets or config files applied first: beianlint:recommended, beianlint:provider, beianlint:bureau, or a path relative to this file; later entries win, and this file's own rules win over all
   */
  extends?: string | string[];
  /**
   * 消息语言；命令行 --locale 优先 / Message language; --locale on the command line wins
   */
  locale?: 'zh-CN' | 'en';
  rules?: RuleSettings;
  /**
   * 按文件 glob 覆盖规则设置：与 files 匹配的文件在 rules 之后依次应用各项的 rules，后面的优先；命令行 --rule 仍最优先。批量规则跨文件比较，不能在这里设置 / Rule settings for the files matching a glob: each entry whose files match a file applies its rules after the top-level rules, in order, later entries winning; --rule on the command line still wins. Batch rules compare records across files and cannot be set here
   */
  overrides?: {
    /**
     * glob，相对于本文件所在文件夹，与 ignores 的写法相同（一个文件夹名匹配其中所有文件） / Globs relative to this file's folder, written as in ignores (a folder name matches every file in it)
     *
     * @minItems 1
     */
    files: string[];
    rules: RuleSettings;
  }[];
  /**
   * 语言服务器（编辑器）检查并相互比较的备案文件的 glob，相对于本文件所在文件夹，写法与 ignores 相同；未设置时为名为 *.filing.json（.jsonl、.ndjson、.yaml、.yml）的文件和 filings 文件夹中的文件。命令行检查给它的文件，不受此项影响 / Globs of the filing files the language server (the editor) lints and compares with each other, relative to this file's folder, written as in ignores; without it, files named *.filing.json (.jsonl, .ndjson, .yaml, .yml) and the files in a folder named filings. The command line lints the files it is given, whatever this says
   */
  files?: string[];
  /**
   * 不检查的文件的 glob，相对于本文件所在文件夹；命令行 --ignore-pattern 可再添加 / Globs of files not to lint, relative to this file's folder; --ignore-pattern on the command line adds more
   */
  ignores?: string[];
  /**
   * 额外的规则目录，相对于配置文件，且须在其目录之内 / Extra rule directories, relative to the config file and inside its folder
   */
  ruleDirs?: string[];
}
/**
 * 按规则 id 覆盖严重程度和选项 / Severity and option overrides by rule id
 *
 * This interface was referenced by `ConfigFile`'s JSON-Schema
 * via the `definition` "ruleSettings".
 */
export interface RuleSettings {
  [k: string]:
    | Severity
    | {
        severity?: Severity;
        /**
         * 该规则检查的选项，与规则文件中的合并 / Options of the rule's check, merged over the rule file's
         */
        options?: {
          [k: string]: unknown;
        };
      };
}
