package app.mamori.model;

/** Where a job's points are copied after each successful backup, and how many copies are kept there. */
public record CopySettings(String job, String vault, RetentionPolicy keep) {
}
