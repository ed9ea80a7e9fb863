/**
 * Which notices go to which notifier: turns run results into notices written for the admin,
 * picks the notifiers that want them, delivers, and records each delivery in the activity
 * log. A notifier that cannot be reached never fails the backup it reports on.
 */
package app.mamori.engine.notify;
