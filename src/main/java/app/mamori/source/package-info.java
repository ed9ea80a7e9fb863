/**
 * One driver per source kind: the remote commands that check the tools, dump the source to
 * stdout, and say what the artifact is. Drivers build commands only through
 * {@link app.mamori.ssh.ShellQuote}; secrets reach the dump tool through the channel's stdin.
 */
package app.mamori.source;
