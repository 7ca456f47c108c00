package io.paperpulse.cli.reset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a reset of one streams application would remove, found before anything is touched: its group (the
 * committed offsets), its internal topics and its local state directory. Printed as is when the user has not
 * confirmed, executed by {@link ApplicationReset} when they have.
 *
 * @param group the application's group on the cluster, empty when it has none (never started, or reset already)
 * @param internalTopics changelog and repartition topics of the application
 * @param localState {@code <state-dir>/<application-id>}, empty when it does not exist on this machine
 */
public record ResetPlan(String applicationId, Optional<ApplicationGroup> group, List<String> internalTopics,
                        Optional<Path> localState) {

    public ResetPlan {
        internalTopics = List.copyOf(internalTopics);
    }

    /** Running instances hold the group: resetting under them would be undone by their next commit. */
    public boolean applicationRunning() {
        return group.map(ApplicationGroup::active).orElse(false);
    }

    public boolean nothingToDo() {
        return group.isEmpty() && internalTopics.isEmpty() && localState.isEmpty();
    }

    /** One line per action, in the order they are carried out. */
    public List<String> actions() {
        List<String> actions = new ArrayList<>();
        group.ifPresent(found -> actions.add("delete " + found.kind() + " '" + applicationId
                + "' and its committed offsets" + (found.committedTopics().isEmpty() ? ""
                : " on " + String.join(", ", found.committedTopics()))
                + " (input topics are read again from the beginning)"));
        internalTopics.forEach(topic -> actions.add("delete internal topic " + topic));
        localState.ifPresent(dir -> actions.add("delete local state directory " + dir));
        return actions;
    }
}
