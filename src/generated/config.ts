/* Generated from schemas/config.schema.json by scripts/gen-types.mjs (npm run gen). Do not edit. */

/**
 * off 关闭；其余为严重程度 / off disables the rule; the others set its severity
 *
 * This interface was referenced by `ConfigFile`'s JSON-Schema
 * via the `definition` "severity".
 */
export type Severity = 'off' | 'info' | 'warning' | 'error';

/**
 * 项目根目录的 .beianlintrc.json / .beianlintrc.yaml，或用 --config 指定 / .beianlintrc.json or .beianlintrc.yaml in the project root, or given with --config
 */
export interface ConfigFile {
  $schema?: string;
  /**
   * 消息语言；命令行 --locale 优先 / Message language; --locale on the command line wins
   */
  locale?: 'zh-CN' | 'en';
  /**
   * 按规则 id 覆盖严重程度和选项 / Severity and option overrides by rule id
   */
  rules?: {
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
  };
  /**
   * 额外的规则目录，相对于配置文件，且须在其目录之内 / Extra rule directories, relative to the config file and inside its folder
   */
  ruleDirs?: string[];
}
