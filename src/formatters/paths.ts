import { relative, sep } from 'node:path';

/** A result's path as reports show it: relative to the working directory, with forward slashes. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  return (rel || filePath).split(sep).join('/');
}
