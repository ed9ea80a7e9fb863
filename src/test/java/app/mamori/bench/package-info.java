/**
 * Benchmarks run by the scripts under {@code bench/} ({@code main} methods, not tests): they
 * time Mamori's I/O paths against the tools an admin would use instead, so performance claims
 * have numbers behind them. Results and how to reproduce them: {@code docs/benchmarks.md}.
 */
package app.mamori.bench;
