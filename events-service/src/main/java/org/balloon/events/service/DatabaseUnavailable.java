package org.balloon.events.service;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Recognises "PostgreSQL is not reachable" in an exception chain, as opposed to a bug or a bad query. */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: admin shutdown, crash shutdown, cannot connect now
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // Agroal: no connection could be had from the pool within the acquisition timeout
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
