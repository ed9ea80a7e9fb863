/**
 * Real servers for integration tests, started from Debian's packages on loopback ports in temp
 * folders and stopped when the test run ends. A missing program fails the test with the package
 * to install; nothing is ever skipped.
 */
package app.mamori.testenv;
