package app.mamori.model;

import java.util.List;

/** Sources of one server taken together into one vault, at one moment. */
public record Job(String name, List<String> sources, String vault) {
    public Job {
        Names.requireValid("job name", name);
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("--sources: give at least one source");
        }
        sources = List.copyOf(sources);
        Names.requireValid("vault name", vault);
    }
}
