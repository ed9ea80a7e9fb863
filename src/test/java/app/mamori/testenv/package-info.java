/**
 * Test harness: JUnit 5 extensions that start real PostgreSQL and MariaDB servers, an sshd and
 * a Docker API (rootful Podman, with images built locally) once per test run on loopback ports
 * from temp folders, and a local stand-in for the SSH shell. Missing tools make tests fail
 * with the Debian package to install, never skip silently.
 */
package app.mamori.testenv;
