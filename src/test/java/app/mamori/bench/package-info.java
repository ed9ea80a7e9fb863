/**
 * Micro-benchmarks run by hand ({@code main} methods, not tests): they time Mamori's I/O
 * paths against the tools they replace, so performance claims have numbers behind them.
 */
package app.mamori.bench;
