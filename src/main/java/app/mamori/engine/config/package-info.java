/**
 * The configuration as a file: servers (with their pinned host keys), sources, vaults, jobs,
 * schedules, retention, objectives, notifiers and runbook contacts, exported as YAML with every
 * secret left out (only named), and imported on another workstation as a plan of additions and
 * changes that is shown before it is applied.
 */
package app.mamori.engine.config;
