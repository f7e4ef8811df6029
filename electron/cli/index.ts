#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Node strips the types of and compiles every module on each run, which is most of a command's start-up;
// its on-disk cache (compiled program code only, never workspace data) makes later runs start in a
// fraction of the time. Enabled before the CLI's modules load, hence the dynamic import.
enableCompileCache();
await import('./main.ts');
