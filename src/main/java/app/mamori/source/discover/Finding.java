package app.mamori.source.discover;

import app.mamori.model.Source;

/**
 * Something on the server that can be backed up.
 *
 * @param what      for a person: "PostgreSQL database shop", "SQLite file /srv/app/data.db"
 * @param detail    more for a person (a container's image, a folder's size), may be empty
 * @param suggested the source that backs it up, named after it
 */
public record Finding(String what, String detail, Source suggested) {
}
