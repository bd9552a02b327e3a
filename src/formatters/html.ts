import { chunked } from './chunked.js';
import { reportPage } from './report/page.js';

/** `--format html`: the report a bureau acts on, one self-contained page (src/formatters/report/). */
export const html = chunked(reportPage);
