/**
 * The timeline: a reusable control drawing one lane per source on a single Canvas (no node per
 * point), and its view model, which asks {@link app.mamori.engine.timeline.TimelineSource} for one
 * window of time at a time off the FX thread, as points where marks can be told apart and as
 * buckets (one bar each) where they cannot. The restore wizard and any page can embed it.
 */
package app.mamori.ui.timeline;
