/**
 * Which restore points a job keeps: keep-last and grandfather-father-son rules (hourly, daily,
 * weekly, monthly, yearly) as a pure function from points, policy, time and time zone to a
 * {@link app.mamori.retention.PrunePlan}. The engine executes the plan; docs/retention.md
 * states the exact rules.
 */
package app.mamori.retention;
