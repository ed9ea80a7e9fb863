/**
 * Benchmarks run by the scripts under {@code bench/}; they print numbers and are not tests.
 */
package app.mamori.bench;
