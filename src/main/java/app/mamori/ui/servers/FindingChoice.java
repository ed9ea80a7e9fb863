package app.mamori.ui.servers;

import app.mamori.source.discover.Finding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A finding in the wizard's list, with the admin's tick. */
public final class FindingChoice {
    private final Finding finding;
    private final BooleanProperty chosen = new SimpleBooleanProperty();

    public FindingChoice(Finding finding, boolean chosen) {
        this.finding = finding;
        this.chosen.set(chosen);
    }

    public Finding finding() {
        return finding;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    @Override
    public String toString() {
        return finding.what() + (finding.detail().isEmpty() ? "" : " (" + finding.detail() + ")");
    }
}
