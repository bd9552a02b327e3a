#!/usr/bin/env node
// beianlint's language server: `beianlint-language-server --stdio`.
import { runLanguageServer } from '../dist/lsp/stdio.js';

runLanguageServer();
