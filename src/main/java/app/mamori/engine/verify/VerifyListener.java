package app.mamori.engine.verify;

import app.mamori.catalog.Verification;
import app.mamori.model.Note;

/** How a verification reports while it runs; the CLI and the UI implement it. */
public interface VerifyListener {

    /** A check of one artifact starts. */
    default void started(VerifyPlan.Item item, Verification.Method method) {
    }

    /** A check ended and was recorded. */
    default void checked(VerifyPlan.Item item, Verification result) {
    }

    /** A check could not run (nothing was learnt about the artifact); {@code reason} says why. */
    default void notChecked(VerifyPlan.Item item, Verification.Method method, String reason) {
    }

    /** Something the person should see although the check passed. */
    default void warning(VerifyPlan.Item item, Note message) {
    }
}
