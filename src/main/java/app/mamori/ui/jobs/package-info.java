/** The job list and, for the chosen job, Back up now and its live run. */
package app.mamori.ui.jobs;
