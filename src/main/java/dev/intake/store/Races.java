package dev.intake.store;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.intake.workflow.InterviewStatus;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A transition's result as a {@link Race}: WON when its UPDATE changed the row; otherwise the row is read
 * once, on the losing path alone, to tell a missing interview, a status the transition does not start
 * from, and a lost race apart.
 */
final class Races {

    private static final Logger LOG = Logger.getLogger(Races.class);

    /** For a transition its WHERE clause allows from any status: a race it did not win was lost, never illegal. */
    static final Set<InterviewStatus> ANY_STATUS = Collections.unmodifiableSet(EnumSet.allOf(InterviewStatus.class));

    /** Why a transition did not happen: whether the row is there, and in which status. */
    @Sql
    static final String STATUS_OF = "SELECT status::text AS status FROM interviews WHERE id = $1";

    private Races() {
    }

    static Race judge(Db db, RowSet<Row> rows, UUID id, Collection<InterviewStatus> allowedFrom, String statement) {
        return judge(db, rows.rowCount(), id, allowedFrom, statement);
    }

    static Race judge(Db db, int changed, UUID id, Collection<InterviewStatus> allowedFrom, String statement) {
        if (changed > 1) {
            // Impossible with a primary-key predicate; if it happens the statement is wrong, not the race.
            LOG.errorf("%s changed %d rows where one was targeted", statement, changed);
        }
        if (changed > 0) {
            return Race.WON;
        }
        RowSet<Row> found = db.execute(STATUS_OF, Tuple.of(id));
        if (found.rowCount() == 0) {
            return Race.NOT_FOUND;
        }
        InterviewStatus status = InterviewStatus.fromDb(found.iterator().next().getString("status"));
        return allowedFrom.contains(status) ? Race.LOST : Race.ILLEGAL;
    }
}
