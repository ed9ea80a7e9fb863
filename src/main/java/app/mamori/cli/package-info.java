/**
 * The command line: the same engine as the desktop app, for scripts, cron and OS schedulers.
 * Exit status 0 means success; any failure prints one line on stderr saying what failed and
 * what to do. The {@code --json} shapes are a stable contract, documented in docs/cli.md.
 */
package app.mamori.cli;
