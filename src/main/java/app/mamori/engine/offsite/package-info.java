/**
 * Offsite copies: copying restore points from the job's vault to an object vault, and reading
 * them back for a restore or a catalogue rebuild when the office and its vault are gone.
 */
package app.mamori.engine.offsite;
