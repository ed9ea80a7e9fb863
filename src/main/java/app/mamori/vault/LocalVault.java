package app.mamori.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A vault in a folder of the workstation or a NAS mount:
 * {@code <root>/<server>/<job>/<point>/} with one artifact per source and {@code manifest.json}.
 * Points in the making live in {@code <root>/<server>/<job>/.tmp-<point>.<pid>/} with a
 * {@link TempPointOwner} marker inside, which tells a later start (of this or another
 * workstation sharing the vault) whether the writer may still be at work or the folder is a
 * crash's leftover.
 */
public final class LocalVault {
    /** A point's id: its run's start, to the second, in UTC (with a suffix when that is taken). */
    public static final DateTimeFormatter POINT_ID =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public LocalVault(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Starts a point for a run that began at {@code time}. */
    public PointWriter begin(String server, String job, Instant time) throws IOException {
        return begin(server, job, time, 1);
    }

    /**
     * Starts a point for a run that began at {@code time}, its id the time with a suffix from
     * {@code from} on ({@code -2}, {@code -3}...; 1 is none): ids below it are taken elsewhere,
     * such as by a point of the same job in another vault in the same second.
     */
    public PointWriter begin(String server, String job, Instant time, int from) throws IOException {
        Path jobDir = root.resolve(server).resolve(job);
        SecureFiles.createPrivateDirectories(jobDir);
        String base = POINT_ID.format(time);
        for (int n = from; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            if (Files.exists(jobDir.resolve(id))) {
                continue;
            }
            Path temp = jobDir.resolve(TempPointOwner.tempName(id));
            try {
                SecureFiles.createPrivateDirectory(temp);
                writeOwner(temp);
                return new LocalPointWriter(id, temp, jobDir.resolve(id));
            } catch (FileAlreadyExistsException e) {
                // another run of this job started in the same second: try the next id
            }
        }
    }

    /** Folder of a committed point of this job, newest first. */
    public List<Path> points(String server, String job) throws IOException {
        Path jobDir = root.resolve(server).resolve(job);
        if (!Files.isDirectory(jobDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(jobDir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE_NAME)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
    }

    /**
     * Deletes a committed point's folder, given relative to the vault's root as the catalogue
     * keeps it ({@code server/job/id}), and returns the bytes that frees: its files that no
     * other point shares through a hard link. Refuses anything that is not a point's folder.
     */
    public long removePoint(String location) throws IOException {
        Path dir = root.resolve(location).normalize();
        if (!dir.startsWith(root.normalize()) || dir.getNameCount() - root.normalize().getNameCount() != 3) {
            throw new IOException("'" + location + "' is not a restore point's folder in vault " + root
                    + " (expected SERVER/JOB/POINT); nothing was deleted");
        }
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        if (Files.isSymbolicLink(dir) || !Files.isRegularFile(dir.resolve(Manifest.FILE_NAME),
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " holds no " + Manifest.FILE_NAME + ", so it is not a restore point;"
                    + " nothing was deleted");
        }
        long freed = onlyHere(dir);
        SecureFiles.deleteTree(retire(dir));
        SecureFiles.fsyncDirectory(dir.getParent());
        return freed;
    }

    /**
     * Takes a point out of the vault in one step before its files go: marked as this process's
     * (the marker a point in the making has) and renamed to a temp name. A prune killed while
     * deleting then leaves a temp folder that the next start sweeps, never a point with its
     * manifest and some of its files that a catalogue rebuild would take for a whole one.
     */
    private static Path retire(Path dir) throws IOException {
        writeOwner(dir);
        Path temp = dir.resolveSibling(TempPointOwner.tempName(dir.getFileName().toString()));
        try {
            Files.move(dir, temp, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the vault's file system cannot rename atomically; choose another folder for the vault", e);
        }
        SecureFiles.fsyncDirectory(dir.getParent());
        return temp;
    }

    private static long onlyHere(Path dir) throws IOException {
        long[] bytes = {0};
        boolean unix = dir.getFileSystem().supportedFileAttributeViews().contains("unix");
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                    throws IOException {
                if (a.isRegularFile() && (!unix || ((Number) Files.getAttribute(file, "unix:nlink",
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)).intValue() == 1)) {
                    bytes[0] += a.size();
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    public Optional<Path> latestPoint(String server, String job) throws IOException {
        return points(server, job).stream().findFirst();
    }

    /** Every committed point's manifest, for rebuilding the catalogue. Unreadable manifests are reported, not skipped silently. */
    public List<ManifestFile> manifests() throws IOException {
        List<ManifestFile> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        // <root>/<server>/<job>/<point>/manifest.json: exactly four levels down
        try (Stream<Path> s = Files.find(root, 4, (p, a) -> a.isRegularFile()
                && p.getNameCount() - root.getNameCount() == 4
                && p.getFileName().toString().equals(Manifest.FILE_NAME)
                && !p.getParent().getFileName().toString().startsWith("."))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.add(ManifestFile.read(root, p));
            }
        }
        return out;
    }

    /** Through a rename, so a sweep never reads a marker half written by a process killed meanwhile. */
    private static void writeOwner(Path temp) throws IOException {
        Path part = temp.resolve(TempPointOwner.FILE_NAME + ".part");
        SecureFiles.createPrivateFile(part);
        Files.writeString(part, TempPointOwner.current().format());
        Files.move(part, temp.resolve(TempPointOwner.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    /** What a start-up sweep did: how many leftovers it removed, and a line for the log on each temp folder it saw. */
    public record Sweep(int removed, List<String> notes) {
    }

    /**
     * Removes points left half-written by a writer that is gone (crash, kill -9). Looks only at
     * {@code <root>/<server>/<job>/.tmp-<point>.<pid>} folders holding the marker Mamori writes
     * into each (see {@link TempPointOwner}); anything else, whatever its name, is not Mamori's.
     */
    public Sweep removeTempPoints() throws IOException {
        if (!Files.isDirectory(root)) {
            return new Sweep(0, List.of());
        }
        int removed = 0;
        List<String> notes = new ArrayList<>();
        Instant now = Instant.now();
        for (Path temp : tempFolders()) {
            Optional<TempPointOwner> owner = owner(temp);
            if (owner.isEmpty()) {
                notes.add("left " + temp + " alone: it holds no " + TempPointOwner.FILE_NAME + " marker, so Mamori"
                        + " cannot tell who is writing it; delete it by hand if no backup is running");
                continue;
            }
            TempPointOwner.Verdict verdict = owner.get().judge(temp.toString(), now);
            if (verdict.remove()) {
                SecureFiles.deleteTree(temp);
                removed++;
            }
            notes.add(verdict.why());
        }
        return new Sweep(removed, notes);
    }

    /** Folders named like a temp point, exactly at {@code <root>/<server>/<job>/}, not links. */
    private List<Path> tempFolders() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path server : directories(root)) {
            for (Path job : directories(server)) {
                directories(job).stream().filter(p -> TempPointOwner.isTempName(p.getFileName().toString()))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private static List<Path> directories(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static Optional<TempPointOwner> owner(Path temp) throws IOException {
        Path marker = temp.resolve(TempPointOwner.FILE_NAME);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) || Files.size(marker) > 4096) {
            return Optional.empty();
        }
        return TempPointOwner.parse(Files.readString(marker));
    }

    private static final class LocalPointWriter implements PointWriter {
        private final String id;
        private final Path temp;
        private final Path target;
        private final List<Path> files = new ArrayList<>();
        private boolean committed;

        LocalPointWriter(String id, Path temp, Path target) {
            this.id = id;
            this.temp = temp;
            this.target = target;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public ArtifactOutput create(String fileName, boolean compress) throws IOException {
            Path file = temp.resolve(fileName);
            SecureFiles.createPrivateFile(file);
            files.add(file);
            return new ArtifactOutput(file, compress);
        }

        @Override
        public Path createDirectory(String name) throws IOException {
            Path dir = temp.resolve(name);
            SecureFiles.createPrivateDirectory(dir);
            return dir;
        }

        @Override
        public Path commit(Manifest manifest) throws IOException {
            Files.deleteIfExists(temp.resolve(TempPointOwner.FILE_NAME));
            Path file = temp.resolve(Manifest.FILE_NAME);
            SecureFiles.createPrivateFile(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(Json.mapper().writeValueAsBytes(manifest)));
                ch.force(true);
            }
            SecureFiles.fsyncDirectory(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the vault's file system cannot rename atomically; choose another folder for the vault", e);
            }
            SecureFiles.fsyncDirectory(target.getParent());
            committed = true;
            return target;
        }

        @Override
        public void close() {
            if (!committed) {
                try {
                    SecureFiles.deleteTree(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not remove the unfinished point " + temp
                            + "; it is marked .tmp- and is removed at the next start", e);
                }
            }
        }
    }

}
