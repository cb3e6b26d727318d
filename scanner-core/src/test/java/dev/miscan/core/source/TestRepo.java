package dev.miscan.core.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real repository in a temporary directory, built with JGit, for the git source tests. */
public final class TestRepo implements AutoCloseable {
    private final Git git;
    private final Path root;
    private Instant clock = Instant.parse("2024-03-01T10:00:00Z");

    private TestRepo(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    public static TestRepo init(Path dir) throws GitAPIException {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        return new TestRepo(git, dir.toAbsolutePath().normalize());
    }

    public Git git() {
        return git;
    }

    public Path root() {
        return root;
    }

    public TestRepo write(String path, String content) throws IOException {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestRepo write(String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return this;
    }

    public TestRepo add(String... paths) throws GitAPIException {
        for (String p : paths) {
            git.add().addFilepattern(p).call();
        }
        return this;
    }

    /** Writes and stages. */
    public TestRepo stage(String path, String content) throws IOException, GitAPIException {
        return write(path, content).add(path);
    }

    public TestRepo rm(String path) throws GitAPIException {
        git.rm().addFilepattern(path).call();
        return this;
    }

    /** {@code git mv}: the index loses {@code from} and gains {@code to}. */
    public TestRepo mv(String from, String to) throws IOException, GitAPIException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(root.resolve(from), target);
        git.rm().addFilepattern(from).setCached(true).call();
        return add(to);
    }

    /** Commits what is staged, by "Ada Lovelace", one hour after the previous commit. */
    public RevCommit commit(String message) throws GitAPIException {
        return commit(message, "Ada Lovelace", "ada@example.com");
    }

    public RevCommit commit(String message, String author, String email) throws GitAPIException {
        clock = clock.plusSeconds(3600);
        PersonIdent who = new PersonIdent(author, email, clock, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
