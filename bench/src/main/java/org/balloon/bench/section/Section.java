package org.balloon.bench.section;

import java.util.List;
import org.balloon.bench.report.Row;

/** One part of the run: measures some targets and returns their rows. */
public interface Section {

    /** The name --only selects it by. */
    String name();

    List<Row> run(Context ctx) throws Exception;

    /** The rows to print when the section could not run at all. */
    List<Row> failed(String why);
}
