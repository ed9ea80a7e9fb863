/**
<<<<<<< HEAD
 * Micro-benchmarks run by hand ({@code main} methods, not tests): they time Mamori's I/O
 * paths against the tools they replace, so performance claims have numbers behind them.
=======
 * Benchmarks run by the scripts under {@code bench/}; they print numbers and are not tests.
>>>>>>> ssh
 */
package app.mamori.bench;
