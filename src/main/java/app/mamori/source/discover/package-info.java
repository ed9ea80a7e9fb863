/**
 * What a server has that can be backed up: one probe script run over SSH (databases,
 * containers, volumes, SQLite files, common folders), parsed on the workstation into
 * findings, each with the source it suggests.
 */
package app.mamori.source.discover;
