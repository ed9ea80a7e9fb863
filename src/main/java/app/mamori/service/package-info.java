/**
 * What the command line and the desktop app both do, once: the composition root
 * ({@link app.mamori.service.Services}) and one service per thing an admin manages (servers,
 * sources, jobs, vaults, incidents and holds, file history). The rules that span stores and secrets live here, not in a command
 * or a view model, so the two front ends cannot drift apart.
 */
package app.mamori.service;
