/**
 * Verification of restore points: {@link app.mamori.engine.verify.VerifyPlanner} decides from the
 * catalogue alone which artifacts get which checks and which remote commands will run;
 * {@link app.mamori.engine.verify.Verifier} re-hashes, checks formats and runs restore drills into
 * scratch targets that it always removes, and records every result in the catalogue.
 */
package app.mamori.engine.verify;
