/**
 * Where restore points are kept. A point is written into a temp folder, every file fsynced,
 * the manifest written last, and the folder renamed into place: a point either exists whole,
 * with its manifest, or not at all.
 */
package app.mamori.vault;
