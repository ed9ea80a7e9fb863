package app.mamori.catalog;

import app.mamori.model.Job;
import app.mamori.model.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultRetentionTest {

    @Test
    void aNewJobStartsWithTheDefaultAndExistingJobsKeepTheirOwn(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("c.db"))) {
            Fixtures.addBlogJob(c);
            assertThat(c.retention().defaultPolicy()).isEqualTo(RetentionPolicy.KEEP_ALL);
            RetentionPolicy gfs = new RetentionPolicy(0, 0, 14, 8, 12, 0);

            c.retention().setDefault(gfs);
            c.jobs().add(new Job("later", List.of("uploads"), "nas"));

            assertThat(c.retention().defaultPolicy()).isEqualTo(gfs);
            assertThat(c.retention().get("later")).isEqualTo(gfs);
            assertThat(c.retention().get("blog")).as("set before the default: untouched")
                    .isEqualTo(RetentionPolicy.KEEP_ALL);

            c.retention().setDefault(RetentionPolicy.KEEP_ALL);
            assertThat(c.retention().get("later")).as("a job's policy is its own once made").isEqualTo(gfs);
        }
    }
}
