/**
 * Recovery objectives: whether each job's newest good point is young enough (RPO) and whether
 * its drills say a restore fits in the time allowed (RTO). Pure checks, plus one reader that
 * feeds them from the catalogue for {@code mamori status}, the dashboard, notices and the runbook.
 */
package app.mamori.engine.objective;
