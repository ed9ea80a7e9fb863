/**
 * Telling the admin: e-mail over SMTP and webhooks (Mamori's JSON, Slack, Discord, ntfy,
 * healthchecks-style pings). A {@link app.mamori.notify.Notice} is already written for a
 * person; this package only formats and delivers it. Which notices go where is the engine's
 * business ({@code engine.Notifications}).
 */
package app.mamori.notify;
