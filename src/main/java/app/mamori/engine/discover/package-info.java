/** Discovery as the engine offers it to the CLI and the server wizard: connect, probe once, report. */
package app.mamori.engine.discover;
