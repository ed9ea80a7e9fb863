/**
 * When jobs run: cron expressions and presets, the next due time in the workstation's time zone
 * (correct across daylight-saving changes), the expected interval that overdue is measured by,
 * and catch-up after the workstation was off. Pure: depends only on the JDK.
 */
package app.mamori.schedule;
