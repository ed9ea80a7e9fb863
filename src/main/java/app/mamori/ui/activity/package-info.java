/** The activity log: runs, failures, restores, notifications; filtered, searched, and a failed run's details. */
package app.mamori.ui.activity;
