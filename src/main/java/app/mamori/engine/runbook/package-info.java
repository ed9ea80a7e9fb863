/**
 * The disaster-recovery runbook: what is backed up where, how to restore each source (with
 * Mamori, and by hand when Mamori itself is gone), the objectives and the latest drills,
 * generated from the catalogue as Markdown or HTML, in English or Japanese.
 */
package app.mamori.engine.runbook;
