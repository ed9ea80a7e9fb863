/**
 * The timeline's data, below any UI: one window of time of a job, a server or every job, with
 * the gaps where a schedule expected a run and none came, and the retention rule that keeps
 * each point. The CLI's {@code timeline} and the app's timeline control read it alike; the control
 * reads at its resolution, and a job with more points than it could tell apart comes summed per
 * bucket of time instead of point by point.
 */
package app.mamori.engine.timeline;
