/**
 * What a server has that can be backed up: one probe script run over SSH whose steps
 * (databases, containers, volumes, SQLite files, common and given folders) run side by side
 * on the server, each with a time limit; each step's output is framed as it ends and parsed
 * on the workstation into findings, each with the source it suggests.
 */
package app.mamori.source.discover;
