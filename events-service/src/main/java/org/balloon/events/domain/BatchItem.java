package org.balloon.events.domain;

import java.util.List;
import org.balloon.contracts.problem.Problem;

/** One item of a batch, in input order: either a valid submission or its problems. {@code line} is set for NDJSON. */
public record BatchItem(int index, Integer line, Submission submission, List<Problem.FieldError> problems) {

    public static BatchItem valid(int index, Integer line, Submission submission) {
        return new BatchItem(index, line, submission, null);
    }

    public static BatchItem invalid(int index, Integer line, List<Problem.FieldError> problems) {
        return new BatchItem(index, line, null, List.copyOf(problems));
    }

    public boolean isValid() {
        return submission != null;
    }
}
