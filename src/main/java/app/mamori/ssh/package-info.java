/**
 * SSH to the office's servers: sessions over JSch with pinned host keys, command execution
 * with streamed stdin and stdout, bounded stderr, exit status, timeouts and cancellation.
 * Shell quoting lives here ({@link app.mamori.ssh.ShellQuote}) and nowhere else.
 */
package app.mamori.ssh;
