/**
 * The dashboard: every job at a glance (state colour, last success and its age against the
 * schedule, last result, next run, vault usage, Back up now), or the first-run screen on an
 * empty catalogue.
 */
package app.mamori.ui.dashboard;
