-- The file index, compact: every point of a tree repeats nearly the same paths, so a row of
-- file_index repeated the point id, the source name, the whole path and 64 hex characters (and its
-- path index all of that again), about 200 bytes a file per point. Now each artifact's file list
-- is one row of file_lists, each distinct path one row of file_paths, and an entry is ids and
-- numbers with a 32-byte hash: a few dozen bytes.

-- one row per artifact that has (or is being given) a file list
CREATE TABLE file_lists (
  id     INTEGER PRIMARY KEY,
  point  TEXT NOT NULL,
  source TEXT NOT NULL,
  UNIQUE (point, source),
  FOREIGN KEY (point, source) REFERENCES artifacts(point, source) ON DELETE CASCADE
);

-- each distinct path once: the raw bytes the server's file system uses (Linux names need not be UTF-8)
CREATE TABLE file_paths (
  id   INTEGER PRIMARY KEY,
  path BLOB NOT NULL UNIQUE
);

-- type: 0 file, 1 directory, 2 symlink, 3 other (FileType.code): SQLite stores 0 and 1, nearly
-- every entry, in the record header alone, where 'directory' took ten bytes
CREATE TABLE file_entries (
  list     INTEGER NOT NULL REFERENCES file_lists(id) ON DELETE CASCADE,
  path     INTEGER NOT NULL,
  type     INTEGER NOT NULL CHECK (type BETWEEN 0 AND 3),
  mode     INTEGER NOT NULL,
  size     INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  -- the 32 bytes of a regular file's SHA-256; NULL for anything else
  sha256   BLOB,
  PRIMARY KEY (list, path)
) WITHOUT ROWID;

-- an artifact with an empty list has no row in file_index but a count in artifacts.files
INSERT INTO file_lists (point, source)
  SELECT point, source FROM file_index UNION SELECT point, source FROM artifacts WHERE files IS NOT NULL
   ORDER BY 1, 2;
-- in byte order, through file_index_by_path: ids then follow the paths' order
INSERT INTO file_paths (path) SELECT DISTINCT path FROM file_index ORDER BY path;
-- list by list (CROSS JOIN keeps that loop order), each list's rows in file_index's own order,
-- which is the entries' (list, path) order as the ids were given: each row lands after the last,
-- with no sort; read through file_index_by_path instead, every row was a seek into 1.2 GB
INSERT INTO file_entries (list, path, type, mode, size, mtime_ns, sha256)
  SELECT l.id, p.id, CASE f.type WHEN 'file' THEN 0 WHEN 'directory' THEN 1 WHEN 'symlink' THEN 2 ELSE 3 END,
         f.mode, f.size, f.mtime_ns, unhex(f.sha256)
    FROM file_lists l
    CROSS JOIN file_index f ON f.point = l.point AND f.source = l.source
    CROSS JOIN file_paths p ON p.path = f.path;

DROP INDEX file_index_by_path;
DROP TABLE file_index;

-- a file's versions across points; made after the copy, in one sort
CREATE INDEX file_entries_by_path ON file_entries(path);

-- a path no list uses any more goes with its last entry (a prune, a replaced or abandoned list):
-- one seek in file_entries_by_path per deleted entry
CREATE TRIGGER file_paths_unused AFTER DELETE ON file_entries
  WHEN NOT EXISTS (SELECT 1 FROM file_entries WHERE path = old.path)
BEGIN
  DELETE FROM file_paths WHERE id = old.path;
END;

-- the old shape, read-only, for ad-hoc SQL and tests; the program reads the tables
CREATE VIEW file_index (point, source, path, type, mode, size, mtime_ns, sha256) AS
  SELECT l.point, l.source, p.path,
         CASE e.type WHEN 0 THEN 'file' WHEN 1 THEN 'directory' WHEN 2 THEN 'symlink' ELSE 'other' END,
         e.mode, e.size, e.mtime_ns, CASE WHEN e.sha256 IS NOT NULL THEN lower(hex(e.sha256)) END
    FROM file_entries e
    JOIN file_lists l ON l.id = e.list
    JOIN file_paths p ON p.id = e.path;
